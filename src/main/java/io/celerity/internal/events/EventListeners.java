package io.celerity.internal.events;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.EventMessage;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.time.CelerityClock;
import io.celerity.internal.time.PeriodicJobs;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether another node listens to the events topic: every node says it is there with a small message on the topic
 * every second, and a node that has heard no other node for {@link #HEARD_FOR} sends no event messages, which nobody
 * would receive. Works with one broker or a cluster of them, and with any broker grants. A node sends events during
 * its own first {@link #HEARD_FOR}, before it could have heard the others; the others hear a node that starts within a
 * second of its first message.
 */
@ApplicationScoped
public class EventListeners {

    private static final Logger LOG = Logger.getLogger(EventListeners.class.getName());
    /** Between two presence messages of this node. */
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** How long another node counts as listening after its last message; ten of its presence messages. */
    static final Duration HEARD_FOR = Duration.ofSeconds(10);
    /** Message property of a presence message: it carries no events. */
    static final String PRESENCE_PROPERTY = "celerity_presence";

    @Inject
    Messaging messaging;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    @Inject
    PeriodicJobs periodic;

    private volatile Instant othersHeard = Instant.MIN;
    /** When this node began to announce itself; {@code null} before. */
    private volatile Instant started;
    private boolean presenceFailed;
    private ScheduledFuture<?> presence;

    /** Starts saying that this node is there, every second. */
    public synchronized void start() {
        if (presence == null) {
            started = clock.instant();
            presence = periodic.withFixedDelay("presence", this::announce, Duration.ZERO, PERIOD);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (presence != null) {
            presence.cancel(false);
        }
    }

    /** Whether the events of this node's changes must go to the topic. */
    public boolean othersListen() {
        Instant now = clock.instant();
        Instant since = started;
        return since == null || now.isBefore(since.plus(HEARD_FOR)) || now.isBefore(othersHeard.plus(HEARD_FOR));
    }

    /** A message from another node came over the topic: that node listens. */
    void heard() {
        othersHeard = clock.instant();
    }

    private void announce() {
        try {
            messaging.send(Destinations.EVENTS, true, "", Map.of(TaskEventPublisher.NODE_PROPERTY, config.node(),
                    PRESENCE_PROPERTY, "true"), false);
            presenceFailed = false;
        } catch (RuntimeException e) {
            if (!presenceFailed) {
                LOG.log(Level.WARNING, EventMessage.PRESENCE_NOT_SENT.format(e), e);
                presenceFailed = true;
            }
        }
    }
}
