package io.celerity.internal.execution;

import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.time.CelerityClock;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this node's workers do, per queue: how many deliveries they handle now, and when one last began or ended
 * (at first, when the application started: a node that just came up is not idle yet).
 */
@ApplicationScoped
public class WorkerActivity {

    /** A queue's workers on this node. */
    public record Lane(int busy, Instant lastActive) {

        /** Whether no worker handles a delivery now and none began or ended after {@code cutoff}. */
        public boolean idleSince(Instant cutoff) {
            return busy == 0 && lastActive.isBefore(cutoff);
        }
    }

    private static final class Counters {
        final AtomicInteger busy = new AtomicInteger();
        volatile long lastActive;

        Counters(long now) {
            lastActive = now;
        }
    }

    @Inject
    TaskRegistry registry;

    @Inject
    @CelerityClock
    Clock clock;

    private final ConcurrentMap<String, Counters> queues = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        long now = clock.millis();
        registry.workerQueues().forEach(queue -> queues.put(queue, new Counters(now)));
    }

    void begin(String queue) {
        Counters counters = queues.computeIfAbsent(queue, name -> new Counters(clock.millis()));
        counters.lastActive = clock.millis();
        counters.busy.incrementAndGet();
    }

    void end(String queue) {
        Counters counters = queues.get(queue);
        counters.busy.decrementAndGet();
        counters.lastActive = clock.millis();
    }

    /** The queue's workers on this node. */
    public Lane lane(String queue) {
        Counters counters = queues.computeIfAbsent(queue, name -> new Counters(clock.millis()));
        return new Lane(counters.busy.get(), Instant.ofEpochMilli(counters.lastActive));
    }
}
