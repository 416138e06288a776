package io.celerity.it.invalid;

import io.celerity.api.BackgroundTask;
import jakarta.enterprise.context.ApplicationScoped;

/** A valid task in an application whose persistence unit has no task entity. */
@ApplicationScoped
public class NoEntityTask {

    @BackgroundTask
    public void work(String what) {
        // never runs: the deployment fails
    }
}
