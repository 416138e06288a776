package io.celerity.internal.monitoring;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedProbeTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void anAnswer_isReusedWhileFresh_thenAskedAgain() {
        AtomicInteger calls = new AtomicInteger();
        MovableClock clock = new MovableClock();
        BoundedProbe<Integer> probe = new BoundedProbe<>("counter", calls::incrementAndGet, Duration.ofSeconds(5),
                Duration.ofSeconds(1), clock);

        assertEquals(1, probe.result(executor).value());
        assertEquals(1, probe.result(executor).value(), "fresh: not asked again");
        clock.now = clock.now.plusMillis(1001);
        BoundedProbe.Result<Integer> again = probe.result(executor);
        assertTrue(again.up());
        assertEquals(2, again.value());
    }

    @Test
    void aFailure_isReportedByItsInnermostCausesClassAlone_whichNamesNoHostOrUser() {
        BoundedProbe<Integer> probe = new BoundedProbe<>("database", () -> {
            throw new IllegalStateException("wrapped", new java.net.ConnectException("Connection refused to db.internal:5432 as user secret"));
        }, Duration.ofSeconds(5), Duration.ZERO, Clock.systemUTC());

        BoundedProbe.Result<Integer> result = probe.result(executor);
        assertFalse(result.up());
        assertEquals("failed: ConnectException", result.failure());
    }

    @Test
    void aHungProbe_isDownAfterTheTimeout_andWaitedForAgain_notStartedTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        BoundedProbe<String> probe = new BoundedProbe<>("broker", () -> {
            started.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "answered";
        }, Duration.ofMillis(100), Duration.ZERO, Clock.systemUTC());

        BoundedProbe.Result<String> hung = probe.result(executor);
        assertFalse(hung.up());
        assertEquals("no answer within 100 ms", hung.failure());
        assertFalse(probe.result(executor).up(), "still hung");
        release.countDown();
        BoundedProbe.Result<String> answered = probe.result(executor);
        assertTrue(answered.up());
        assertEquals("answered", answered.value());
        assertEquals(1, started.get(), "one probe at a time");
    }

    @Test
    void aStoppedExecutor_isReportedAsStopped() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        BoundedProbe<Integer> probe = new BoundedProbe<>("database", () -> 1, Duration.ofSeconds(1), Duration.ZERO,
                Clock.systemUTC());
        assertEquals("stopped", probe.result(stopped).failure());
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
