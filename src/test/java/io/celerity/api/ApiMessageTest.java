package io.celerity.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiMessageTest {

    @Test
    void everyTemplate_startsWithAnIdOfTheApiRange() {
        for (ApiMessage message : ApiMessage.values()) {
            assertTrue(message.format("x", "y", "z").matches("CELERITY-01\\d\\d: \\S.*"), message.name());
        }
    }

    @Test
    void badOptions_nameTheValueAndTheRule() {
        assertEquals("CELERITY-0121: eta must not be null", refused(() -> TaskOptions.none().eta(null)));
        assertEquals("CELERITY-0121: countdown must be a duration of zero or more, not PT-1S",
                refused(() -> TaskOptions.none().countdown(Duration.ofSeconds(-1))));
        assertEquals("CELERITY-0121: the soft time limit PT2S must be shorter than the time limit PT1S",
                refused(() -> TaskOptions.none().timeLimits(Duration.ofSeconds(2), Duration.ofSeconds(1))));
        assertEquals("CELERITY-0121: the time limit must be positive, not PT0S",
                refused(() -> TaskOptions.none().timeLimits(null, Duration.ZERO)));
        assertEquals("CELERITY-0122: priority 12 is not between 0 and 9", refused(() -> TaskOptions.none().priority(12)));
        assertEquals("CELERITY-0124: a task id has 1 to 36 letters, digits or - _ . : characters, not 'a b'",
                refused(() -> TaskOptions.none().id("a b")));
    }

    @Test
    void aFailedTask_namesItsEndAndError() {
        assertEquals("CELERITY-0102: task t1 ended FAILURE: java.io.IOException: disk full",
                new TaskFailedException("t1", TaskState.FAILURE, "java.io.IOException", "disk full", null).getMessage());
        assertEquals("CELERITY-0102: task t1 ended REVOKED",
                new TaskFailedException("t1", TaskState.REVOKED, null, null, null).getMessage());
    }

    private static String refused(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }
}
