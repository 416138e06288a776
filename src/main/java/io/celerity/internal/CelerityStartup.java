package io.celerity.internal;

import io.celerity.internal.store.TaskEntityModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * When the application starts: checks the task entity and the tasks' default fields against it (a wrong setup
 * fails the deployment), then starts the
 * embedded broker, so that a failed deployment never leaves a broker holding its port.
 */
@ApplicationScoped
public class CelerityStartup {

    @Inject
    CelerityExtension extension;

    @Inject
    TaskEntityModel model;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        model.entityClass();
        extension.registry().all().forEach(task -> model.checkDefaults(task.name(), task.defaultFields()));
        extension.startEmbeddedBroker();
    }
}
