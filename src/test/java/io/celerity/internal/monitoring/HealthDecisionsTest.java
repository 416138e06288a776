package io.celerity.internal.monitoring;

import io.celerity.internal.execution.Sweeper;
import io.celerity.internal.execution.WorkerActivity;
import io.celerity.internal.store.Backlogs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Duration STALL = Duration.ofMinutes(2);

    @Test
    void aQueueIsStalled_onlyWhenATaskWasDueLongAgo_andItsWorkersHereTookNothingSince() {
        Instant longAgo = NOW.minus(Duration.ofMinutes(5));
        Instant earlier = longAgo.minusSeconds(60);
        List<Backlogs.Backlog> backlogs = List.of(
                new Backlogs.Backlog("celerity.idle", "a", 3, longAgo),
                new Backlogs.Backlog("celerity.idle", "b", 1, earlier),
                new Backlogs.Backlog("celerity.busy", "a", 9, longAgo),
                new Backlogs.Backlog("celerity.recent", "a", 2, longAgo),
                new Backlogs.Backlog("celerity.fresh", "a", 4, NOW.minusSeconds(30)),
                new Backlogs.Backlog("celerity.limited", "hourly", 4, longAgo),
                new Backlogs.Backlog("celerity.elsewhere", "a", 1, longAgo));
        Instant idleSince = NOW.minus(Duration.ofMinutes(3));
        Map<String, WorkerActivity.Lane> lanes = Map.of(
                "celerity.idle", new WorkerActivity.Lane(0, idleSince),
                "celerity.busy", new WorkerActivity.Lane(8, NOW.minus(Duration.ofMinutes(10))),
                "celerity.recent", new WorkerActivity.Lane(0, NOW.minusSeconds(5)),
                "celerity.fresh", new WorkerActivity.Lane(0, idleSince),
                "celerity.limited", new WorkerActivity.Lane(0, idleSince));

        Map<String, String> stalled = WorkersCheck.stalled(backlogs,
                Set.of("celerity.idle", "celerity.busy", "celerity.recent", "celerity.fresh", "celerity.limited"),
                "hourly"::equals, lanes::get, NOW, STALL);

        assertEquals(Set.of("celerity.idle"), stalled.keySet(), "busy workers, a recent delivery, a task due "
                + "recently, a task with a rate limit and a queue without workers here are not stalls");
        assertEquals("stalled: a task due since " + earlier + " waits, and no worker of this node was active for "
                + STALL, stalled.get("celerity.idle"));
    }

    @Test
    void aJobIsStuck_whenItsTickRunsTooLong_orStoppedTicking() {
        Duration period = Duration.ofSeconds(10);
        Map<String, Sweeper.Tick> ticks = Map.of(
                "ticking", new Sweeper.Tick(period, null, NOW.minusSeconds(5)),
                "running", new Sweeper.Tick(period, NOW.minusSeconds(30), NOW.minusSeconds(45)),
                "hung", new Sweeper.Tick(period, NOW.minus(Duration.ofMinutes(3)), NOW.minus(Duration.ofMinutes(4))),
                "stopped", new Sweeper.Tick(period, null, NOW.minus(Duration.ofMinutes(3))),
                "late", new Sweeper.Tick(period, null, NOW.minus(STALL).minusSeconds(5)));

        Map<String, String> stuck = SweeperCheck.stuck(ticks, NOW, STALL);

        assertEquals(Set.of("hung", "stopped"), stuck.keySet(), "a tick 5 s late within its period is not stuck");
        assertTrue(stuck.get("hung").startsWith("stuck: its tick started at"), stuck.get("hung"));
        assertTrue(stuck.get("stopped").startsWith("stopped: no tick since"), stuck.get("stopped"));
    }
}
