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
        List<Backlogs.Backlog> backlogs = List.of(
                new Backlogs.Backlog("celerity.idle", 3, longAgo),
                new Backlogs.Backlog("celerity.busy", 9, longAgo),
                new Backlogs.Backlog("celerity.recent", 2, longAgo),
                new Backlogs.Backlog("celerity.fresh", 4, NOW.minusSeconds(30)),
                new Backlogs.Backlog("celerity.elsewhere", 1, longAgo));
        Map<String, WorkerActivity.Lane> lanes = Map.of(
                "celerity.idle", new WorkerActivity.Lane(0, NOW.minus(Duration.ofMinutes(3))),
                "celerity.busy", new WorkerActivity.Lane(8, NOW.minus(Duration.ofMinutes(10))),
                "celerity.recent", new WorkerActivity.Lane(0, NOW.minusSeconds(5)),
                "celerity.fresh", new WorkerActivity.Lane(0, null));

        Map<String, String> stalled = WorkersCheck.stalled(backlogs,
                Set.of("celerity.idle", "celerity.busy", "celerity.recent", "celerity.fresh"),
                queue -> lanes.getOrDefault(queue, new WorkerActivity.Lane(0, null)), NOW, STALL);

        assertEquals(Set.of("celerity.idle"), stalled.keySet(), "busy workers, a recent delivery, a task due "
                + "recently and a queue without workers here are not stalls");
        assertTrue(stalled.get("celerity.idle").startsWith("stalled: 3 waiting, the oldest due since " + longAgo),
                stalled.get("celerity.idle"));
    }

    @Test
    void aQueueWhoseWorkersNeverHadADelivery_isStalledByAnOldTask() {
        Map<String, String> stalled = WorkersCheck.stalled(
                List.of(new Backlogs.Backlog("celerity.tasks", 1, NOW.minus(Duration.ofMinutes(3)))),
                Set.of("celerity.tasks"), queue -> new WorkerActivity.Lane(0, null), NOW, STALL);
        assertEquals(Set.of("celerity.tasks"), stalled.keySet());
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
