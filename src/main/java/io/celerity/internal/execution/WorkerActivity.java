package io.celerity.internal.execution;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What this node's workers do, per queue: how many deliveries they handle now, and when the last one came. */
@ApplicationScoped
public class WorkerActivity {

    /** A queue's workers on this node. */
    public record Lane(int busy, Instant lastDelivery) {

        /** Whether no worker handles a delivery now and none came after {@code cutoff}. */
        public boolean idleSince(Instant cutoff) {
            return busy == 0 && (lastDelivery == null || lastDelivery.isBefore(cutoff));
        }
    }

    private static final class Counters {
        final AtomicInteger busy = new AtomicInteger();
        volatile Instant lastDelivery;
    }

    private final ConcurrentMap<String, Counters> queues = new ConcurrentHashMap<>();

    void begin(String queue, Instant now) {
        Counters counters = queues.computeIfAbsent(queue, name -> new Counters());
        counters.lastDelivery = now;
        counters.busy.incrementAndGet();
    }

    void end(String queue) {
        queues.get(queue).busy.decrementAndGet();
    }

    /** The queue's workers on this node; idle since ever when none has had a delivery. */
    public Lane lane(String queue) {
        Counters counters = queues.get(queue);
        return counters == null ? new Lane(0, null) : new Lane(counters.busy.get(), counters.lastDelivery);
    }

    /** Every queue that had a delivery on this node, by name. */
    public Map<String, Lane> lanes() {
        Map<String, Lane> lanes = new TreeMap<>();
        queues.keySet().forEach(queue -> lanes.put(queue, lane(queue)));
        return lanes;
    }
}
