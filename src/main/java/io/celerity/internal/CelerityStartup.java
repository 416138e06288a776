package io.celerity.internal;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.DeploymentMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.store.TaskEntityModel;
import io.celerity.internal.schedule.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import io.celerity.internal.events.EventListeners;
import io.celerity.internal.execution.Sweeper;
import io.celerity.internal.execution.WorkerShutdown;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.Ownership;
import io.celerity.internal.store.RateLimits;
import jakarta.inject.Inject;

import java.util.List;

/**
 * When the application starts: checks the task entity and the tasks' default fields against it (a wrong setup
 * fails the deployment), then starts the embedded broker, so that a failed deployment never leaves a broker holding
 * its port, and checks that the resource adapter's login is admitted.
 */
@ApplicationScoped
public class CelerityStartup {

    @Inject
    CelerityExtension extension;

    @Inject
    TaskRegistry registry;

    @Inject
    TaskEntityModel model;

    @Inject
    Ownership ownership;

    @Inject
    RateLimits rateLimits;

    @Inject
    Sweeper sweeper;

    @Inject
    EventListeners listeners;

    @Inject
    WorkerShutdown shutdown;

    @Inject
    Ticker ticker;

    @Inject
    Messaging messaging;

    @Inject
    CelerityConfig config;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        model.entityClass();
        ownership.check();
        registry.all().forEach(task -> {
            model.checkDefaults(task.name(), task.defaultFields());
            model.checkType(task.name(), task.type());
        });
        List<String> limited = registry.all().stream()
                .filter(task -> task.policy().rateLimit() != null).map(TaskDefinition::name).toList();
        if (!limited.isEmpty()) {
            try {
                rateLimits.prepare(limited);
            } catch (RuntimeException e) {
                rateLimits.prepare(limited); // another node inserted the same rows at the same moment
            }
        }
        ticker.declare();
        if (extension.startEmbeddedBroker() && messaging.loginRefused()) {
            extension.stopEmbeddedBroker(); // a failed deployment leaves no broker holding its port
            throw new IllegalStateException(DeploymentMessage.BROKER_LOGIN_REFUSED.format(config.brokerUser()));
        }
        sweeper.start();
        ticker.start();
        listeners.start();
        shutdown.install();
    }
}
