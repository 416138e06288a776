package io.celerity.internal.metrics;

import io.celerity.api.TaskState;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This node's task statistics per minute and task name, kept in memory until its heartbeat writes them: the states
 * that the charts count (started, succeeded, failed, retried) and run times. A recording is one map update; whoever
 * writes the minutes takes them out and puts them back if the write fails.
 */
@ApplicationScoped
public class TaskMinutes {

    static final long MINUTE_MILLIS = 60_000;

    @Inject
    @CelerityClock
    Clock clock;

    private record Key(long minuteAt, String task) {
    }

    // every change of a tally happens inside compute, under the map's lock of its key, so that take() never loses one
    private final ConcurrentMap<Key, Tally> tallies = new ConcurrentHashMap<>();

    void entered(String task, String state) {
        int counter = switch (state) {
            case TaskState.STARTED -> Tally.STARTED;
            case TaskState.SUCCESS -> Tally.SUCCEEDED;
            case TaskState.FAILURE -> Tally.FAILED;
            case TaskState.RETRY -> Tally.RETRIED;
            default -> -1;
        };
        if (counter >= 0) {
            tallies.compute(now(task), (key, tally) -> (tally == null ? new Tally() : tally).count(counter));
        }
    }

    void ran(String task, Duration took) {
        tallies.compute(now(task), (key, tally) -> (tally == null ? new Tally() : tally).ran(took));
    }

    /** Takes out everything counted so far, oldest minute first: the caller writes it, or puts it back. */
    public List<MinuteStat> take() {
        List<MinuteStat> taken = new ArrayList<>();
        for (Key key : tallies.keySet()) {
            Tally tally = tallies.remove(key);
            if (tally != null) {
                taken.add(tally.stat(key));
            }
        }
        taken.sort((a, b) -> Long.compare(a.minuteAt(), b.minuteAt()));
        return taken;
    }

    /** Puts back what {@link #take()} took and could not be written, adding to what was counted since. */
    public void putBack(List<MinuteStat> stats) {
        for (MinuteStat stat : stats) {
            tallies.compute(new Key(stat.minuteAt(), stat.task()),
                    (key, tally) -> (tally == null ? new Tally() : tally).add(stat));
        }
    }

    private Key now(String task) {
        long millis = clock.millis();
        return new Key(millis - Math.floorMod(millis, MINUTE_MILLIS), task);
    }

    /** One minute of one task name; changed only under the map's lock of its key. */
    private static final class Tally {

        static final int STARTED = 0;
        static final int SUCCEEDED = 1;
        static final int FAILED = 2;
        static final int RETRIED = 3;

        private final long[] counters = new long[4];
        private final long[] runTimes = new long[TimeDistribution.BUCKETS];
        private long maxMicros;

        Tally count(int counter) {
            counters[counter]++;
            return this;
        }

        Tally ran(Duration took) {
            runTimes[TimeDistribution.bucketOf(took)]++;
            maxMicros = Math.max(maxMicros, TimeDistribution.micros(took));
            return this;
        }

        Tally add(MinuteStat stat) {
            counters[STARTED] += stat.started();
            counters[SUCCEEDED] += stat.succeeded();
            counters[FAILED] += stat.failed();
            counters[RETRIED] += stat.retried();
            long[] counts = stat.runTimes().counts();
            for (int i = 0; i < counts.length; i++) {
                runTimes[i] += counts[i];
            }
            maxMicros = Math.max(maxMicros, stat.runTimes().maxMicros());
            return this;
        }

        MinuteStat stat(Key key) {
            return new MinuteStat(key.minuteAt(), key.task(), counters[STARTED], counters[SUCCEEDED], counters[FAILED],
                    counters[RETRIED], TimeDistribution.of(runTimes, maxMicros));
        }
    }
}
