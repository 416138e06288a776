package io.celerity.it.invalid;

import io.celerity.api.BackgroundTask;
import jakarta.enterprise.context.ApplicationScoped;

/** A task whose type is not one of the demo entity's task_type choices (LONG, SHORT). */
@ApplicationScoped
public class MediumTask {

    @BackgroundTask(name = "medium", type = "MEDIUM")
    public void work() {
        // never runs: the deployment fails
    }
}
