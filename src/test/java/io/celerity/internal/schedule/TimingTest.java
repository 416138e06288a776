package io.celerity.internal.schedule;

import io.celerity.api.MissedRun;
import io.celerity.internal.store.ScheduleRow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimingTest {

    private static final Duration MISSED_AFTER = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void anIntervalStartsOneIntervalFromNow_andKeepsItsPhase() {
        ScheduleRow every = every(5_000, MissedRun.RUN_ONCE);
        assertEquals(T0.toEpochMilli() + 5_000, Timing.first(every, T0));
        long due = T0.toEpochMilli();
        Timing.Tick late = Timing.due(every, due, T0.plusMillis(1_200), MISSED_AFTER);
        assertTrue(late.run());
        assertEquals(due + 5_000, late.next(), "a tick a moment late keeps the next one where it was");
    }

    @Test
    void aTickOnTimeMovesToTheNextTick_evenWhenThatOneIsAlreadyDue() {
        ScheduleRow every = every(1_000, MissedRun.SKIP);
        long due = T0.toEpochMilli();
        Timing.Tick tick = Timing.due(every, due, T0.plusMillis(3_500), MISSED_AFTER);
        assertTrue(tick.run(), "3.5 s late is late, not missed");
        assertEquals(due + 1_000, tick.next(), "so the ticks behind it run too, one by one");
    }

    @Test
    void aMissedTick_runsOnceOrNot_andTheScheduleSkipsToItsFirstTickAfterNow() {
        long due = T0.toEpochMilli();
        Instant now = T0.plus(Duration.ofHours(3)).plusMillis(2_500);
        Timing.Tick once = Timing.due(every(60_000, MissedRun.RUN_ONCE), due, now, MISSED_AFTER);
        assertTrue(once.run());
        assertEquals(T0.plus(Duration.ofHours(3)).plusSeconds(60).toEpochMilli(), once.next(),
                "180 missed ticks are followed by one run, then the first tick after now, in phase");
        Timing.Tick skipped = Timing.due(every(60_000, MissedRun.SKIP), due, now, MISSED_AFTER);
        assertFalse(skipped.run());
        assertEquals(once.next(), skipped.next());
    }

    @Test
    void aCronMovesFromItsTick_orFromNowWhenMissed() {
        ScheduleRow cron = cron("0 30 2 * * *", "Europe/Berlin", MissedRun.SKIP);
        long due = Instant.parse("2026-12-05T01:30:00Z").toEpochMilli();
        Timing.Tick onTime = Timing.due(cron, due, Instant.ofEpochMilli(due + 400), MISSED_AFTER);
        assertTrue(onTime.run());
        assertEquals(Instant.parse("2026-12-06T01:30:00Z").toEpochMilli(), onTime.next());
        Timing.Tick missed = Timing.due(cron, due, Instant.parse("2026-12-08T12:00:00Z"), MISSED_AFTER);
        assertFalse(missed.run());
        assertEquals(Instant.parse("2026-12-09T01:30:00Z").toEpochMilli(), missed.next());
        assertEquals(Instant.parse("2026-12-05T01:30:00Z").toEpochMilli(),
                Timing.first(cron, Instant.parse("2026-12-04T01:30:00Z")));
    }

    @Test
    void aOneOffRunsOnce_andHasNoNextTick() {
        ScheduleRow once = new ScheduleRow("o", "t", null, null, T0.toEpochMilli(), "UTC", "[]", "{}", null, null,
                MissedRun.RUN_ONCE.name(), true, false, T0.toEpochMilli(), null, null, 0, 0);
        assertEquals(T0.toEpochMilli(), Timing.first(once, T0.minusSeconds(60)));
        Timing.Tick tick = Timing.due(once, T0.toEpochMilli(), T0.plusSeconds(1), MISSED_AFTER);
        assertTrue(tick.run());
        assertNull(tick.next());
        ScheduleRow skipped = new ScheduleRow("o", "t", null, null, T0.toEpochMilli(), "UTC", "[]", "{}", null, null,
                MissedRun.SKIP.name(), true, false, T0.toEpochMilli(), null, null, 0, 0);
        assertFalse(Timing.due(skipped, T0.toEpochMilli(), T0.plusSeconds(60), MISSED_AFTER).run());
    }

    @Test
    void eachTickHasItsOwnTaskId_theSameOnEveryNode() {
        assertEquals(ScheduleRuns.tickTaskId("nightly", 1_000), ScheduleRuns.tickTaskId("nightly", 1_000));
        assertFalse(ScheduleRuns.tickTaskId("nightly", 1_000).equals(ScheduleRuns.tickTaskId("nightly", 2_000)));
        assertFalse(ScheduleRuns.tickTaskId("nightly", 1_000).equals(ScheduleRuns.tickTaskId("weekly", 1_000)));
        assertEquals(36, ScheduleRuns.tickTaskId("nightly", 1_000).length());
    }

    private static ScheduleRow every(long millis, MissedRun missed) {
        return new ScheduleRow("e", "t", null, millis, null, "UTC", "[]", "{}", null, null, missed.name(), true, false,
                null, null, null, 0, 0);
    }

    private static ScheduleRow cron(String cron, String zone, MissedRun missed) {
        return new ScheduleRow("c", "t", cron, null, null, zone, "[]", "{}", null, null, missed.name(), true, false,
                null, null, null, 0, 0);
    }
}
