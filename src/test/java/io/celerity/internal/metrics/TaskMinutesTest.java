package io.celerity.internal.metrics;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskMinutesTest {

    private static final Instant TEN = Instant.parse("2026-12-05T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(TEN.plusSeconds(5));
    private final TaskMinutes minutes = minutes(now);

    static TaskMinutes minutes(Instant at) {
        return minutes(new AtomicReference<>(at));
    }

    private static TaskMinutes minutes(AtomicReference<Instant> now) {
        TaskMinutes minutes = new TaskMinutes();
        minutes.clock = new Clock() {
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
                return now.get();
            }
        };
        return minutes;
    }

    @Test
    void theChartedStates_andRunTimes_countPerMinuteAndTask_otherStatesNot() {
        minutes.entered("a", "QUEUED");
        minutes.entered("a", "STARTED");
        minutes.entered("a", "PROGRESS");
        minutes.entered("a", "RETRY");
        minutes.entered("a", "STARTED");
        minutes.ran("a", Duration.ofMillis(20));
        minutes.entered("a", "SUCCESS");
        minutes.entered("b", "FAILURE");
        now.set(TEN.plusSeconds(61));
        minutes.entered("a", "STARTED");

        List<MinuteStat> taken = minutes.take();

        assertEquals(3, taken.size());
        MinuteStat a = stat(taken, TEN, "a");
        assertEquals(List.of(2L, 1L, 0L, 1L), List.of(a.started(), a.succeeded(), a.failed(), a.retried()));
        assertEquals(1, a.runTimes().count());
        assertEquals(20, a.runTimes().maxMillis());
        assertEquals(1, stat(taken, TEN, "b").failed());
        assertEquals(1, stat(taken, TEN.plusSeconds(60), "a").started());
        assertEquals(List.of(), minutes.take(), "taken out");
    }

    @Test
    void whatIsPutBack_addsToWhatWasCountedSince() {
        minutes.entered("a", "STARTED");
        minutes.ran("a", Duration.ofMillis(30));
        List<MinuteStat> taken = minutes.take();
        minutes.entered("a", "STARTED");
        minutes.ran("a", Duration.ofMillis(10));

        minutes.putBack(taken);

        MinuteStat a = stat(minutes.take(), TEN, "a");
        assertEquals(2, a.started());
        assertEquals(2, a.runTimes().count());
        assertEquals(30, a.runTimes().maxMillis());
    }

    private static MinuteStat stat(List<MinuteStat> stats, Instant minute, String task) {
        return stats.stream().filter(stat -> stat.minuteAt() == minute.toEpochMilli() && stat.task().equals(task))
                .findFirst().orElseThrow();
    }
}
