package io.celerity.internal.registry;

import io.celerity.api.WorkerLost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskPolicyTest {

    private static final RandomGenerator RANDOM = new Random(42);

    private static TaskPolicy parse(Map<String, String> settings) {
        return TaskPolicy.parse("t", "a test", settings, List.of(IOException.class), List.of(java.io.FileNotFoundException.class));
    }

    @Test
    void durations_inShortOrIsoForm() {
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofSeconds(10), Durations.parse(" 10s "));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("PT1M30S"));
        assertNull(Durations.parse(""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Durations.parse("ten seconds"))
                .getMessage().contains("500ms"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("PT-1S"));
    }

    @Test
    void rateLimits_perSecondMinuteHour_spacedEvenly() {
        assertEquals(Duration.ofMillis(100), RateLimit.parse("10/s").interval());
        assertEquals(Duration.ofSeconds(1), RateLimit.parse("60/m").interval());
        assertEquals(Duration.ofSeconds(36), RateLimit.parse("100 / h").interval());
        assertNull(RateLimit.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("0/s"));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("10 per second"));
    }

    @Test
    void theDefaults_retryNothing_andRunAgainWhenTheWorkerIsLost() {
        TaskPolicy policy = parse(Map.of());
        assertEquals(0, policy.maxRetries());
        assertEquals(4, policy.priority());
        assertNull(policy.expires());
        assertNull(policy.rateLimit());
        assertEquals(WorkerLost.RUN_AGAIN, policy.workerLost());
    }

    @Test
    void settingsFromConfiguration_areReadLikeTheAnnotation() {
        TaskPolicy policy = parse(Map.of("max-retries", "3", "retry-delay", "2s", "expires", "1h", "priority", "9",
                "soft-time-limit", "1s", "time-limit", "2s", "rate-limit", "5/m", "on-worker-lost", "fail"));
        assertEquals(3, policy.maxRetries());
        assertEquals(Duration.ofSeconds(2), policy.retryDelay(1, RANDOM));
        assertEquals(Duration.ofHours(1), policy.expires());
        assertEquals(9, policy.priority());
        assertEquals(Duration.ofSeconds(12), policy.rateLimit().interval());
        assertEquals(WorkerLost.FAIL, policy.workerLost());
    }

    @Test
    void everyBadSetting_isNamedInOneError() {
        Map<String, String> settings = new HashMap<>();
        settings.put("max-retries", "-1");
        settings.put("priority", "10");
        settings.put("retry-delay", "soon");
        settings.put("soft-time-limit", "5s");
        settings.put("time-limit", "5s");
        settings.put("on-worker-lost", "PANIC");
        String message = assertThrows(IllegalArgumentException.class, () -> parse(settings)).getMessage();
        assertTrue(message.startsWith("CELERITY-0030: task t has bad settings in a test"), message);
        for (String part : List.of("max-retries -1", "priority 10", "retry-delay 'soon'", "soft time limit",
                "on-worker-lost 'PANIC'")) {
            assertTrue(message.contains(part), part + " in " + message);
        }
    }

    @Test
    void exceptionsRetry_byRetryOnAndDontRetryOn() {
        TaskPolicy policy = parse(Map.of());
        assertTrue(policy.retries(new IOException()));
        assertFalse(policy.retries(new java.io.FileNotFoundException()), "dontRetryOn wins");
        assertFalse(policy.retries(new IllegalStateException()), "not listed");
    }

    @Test
    void backoff_doublesUpToTheCap_andJitterStaysBelowIt() {
        TaskPolicy doubling = parse(Map.of("retry-delay", "1s", "retry-backoff", "true", "retry-backoff-max", "5s",
                "retry-jitter", "false"));
        assertEquals(Duration.ofSeconds(1), doubling.retryDelay(1, RANDOM));
        assertEquals(Duration.ofSeconds(2), doubling.retryDelay(2, RANDOM));
        assertEquals(Duration.ofSeconds(4), doubling.retryDelay(3, RANDOM));
        assertEquals(Duration.ofSeconds(5), doubling.retryDelay(4, RANDOM));
        assertEquals(Duration.ofSeconds(5), doubling.retryDelay(60, RANDOM));
        TaskPolicy jittered = parse(Map.of("retry-delay", "1s", "retry-backoff", "true", "retry-backoff-max", "5s"));
        for (int i = 0; i < 100; i++) {
            Duration delay = jittered.retryDelay(3, RANDOM);
            assertTrue(!delay.isNegative() && delay.compareTo(Duration.ofSeconds(4)) <= 0, delay.toString());
        }
    }
}
