package io.celerity.internal.events;

import io.celerity.internal.message.EventMessage;
import io.celerity.internal.messaging.BrokerQueues;
import io.celerity.internal.messaging.Destinations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether anyone but this node listens to the events topic: every second the broker is asked how many subscriptions
 * the topic has (this node's own is one). A node alone sends no event messages, which it would only receive back
 * and drop. A node that starts is heard within a second of its subscription; until the broker has answered, whenever
 * it cannot answer, and while it lists no subscription at all (this node's own is not there), events are sent.
 */
@ApplicationScoped
public class EventListeners {

    private static final Logger LOG = Logger.getLogger(EventListeners.class.getName());
    /** Between the end of one question to the broker and the next. */
    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    BrokerQueues broker;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile boolean othersListen = true;
    private boolean unknownLogged;
    private ScheduledFuture<?> asking;

    @PostConstruct
    void start() {
        asking = scheduler.scheduleWithFixedDelay(this::ask, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        asking.cancel(false);
    }

    /** Whether the events of this node's changes must go to the topic. */
    public boolean othersListen() {
        return othersListen;
    }

    private void ask() {
        try {
            // none at all: this node's own subscription is not (or no longer) there, so it cannot tell
            othersListen = broker.subscriptions(Destinations.EVENTS, TIMEOUT) != 1;
            unknownLogged = false;
        } catch (BrokerQueues.Unreadable | RuntimeException e) {
            othersListen = true;
            if (!unknownLogged) {
                LOG.log(Level.WARNING, EventMessage.LISTENERS_UNKNOWN.format(e.getMessage()), e);
                unknownLogged = true;
            }
        }
    }
}
