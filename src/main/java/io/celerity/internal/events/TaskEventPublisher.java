package io.celerity.internal.events;

import io.celerity.api.TaskEvent;
import io.celerity.api.TaskStateChanged;
import io.celerity.internal.message.EventMessage;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.metrics.TaskMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires committed changes as {@code @TaskStateChanged} events on this node and sends them to the events topic for
 * the other nodes (when there are any: {@link EventListeners}), on one thread of its own, so the committing thread never waits for observers; what piles up
 * meanwhile goes to the other nodes in one message. Events of different
 * transactions may arrive in any order: observers order them by version.
 */
@ApplicationScoped
public class TaskEventPublisher {

    private static final Logger LOG = Logger.getLogger(TaskEventPublisher.class.getName());

    /** Message property naming the node that made the change. */
    static final String NODE_PROPERTY = "celerity_node";

    @Inject
    @TaskStateChanged
    Event<TaskEvent> events;

    @Inject
    Messaging messaging;

    @Inject
    CelerityConfig config;

    @Inject
    EventListeners listeners;

    @Inject
    TaskMetrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private static final int MAX_BATCH = 500;

    private final BlockingQueue<TaskEvent> pending = new LinkedBlockingQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private ExecutorService executor;

    @PostConstruct
    void start() {
        executor = Executors.newSingleThreadExecutor(threads);
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning(EventMessage.DROPPED_AT_SHUTDOWN.format());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void publish(List<TaskEvent> changes) {
        pending.addAll(changes);
        if (drainScheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    /** Fires what is pending and sends it to the other nodes in as few messages as possible. */
    private void drain() {
        drainScheduled.set(false);
        List<TaskEvent> batch = new ArrayList<>();
        while (pending.drainTo(batch, MAX_BATCH) > 0) {
            batch.forEach(this::fire);
            if (listeners.othersListen()) {
                send(batch);
            }
            batch.clear();
        }
    }

    private void send(List<TaskEvent> batch) {
        try {
            messaging.send(Destinations.EVENTS, true, TaskJson.jsonb().toJson(batch.toArray(TaskEvent[]::new)),
                    Map.of(NODE_PROPERTY, config.node()), false);
            metrics.eventMessageSent();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, EventMessage.NOT_SENT.format(e), e);
        }
    }

    /** Fires events that another node sent, on the same thread as this node's own. */
    void fireRemote(List<TaskEvent> changes) {
        executor.execute(() -> changes.forEach(this::fire));
    }

    private void fire(TaskEvent event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, EventMessage.OBSERVER_FAILED.format(event.id(), e), e);
        }
    }
}
