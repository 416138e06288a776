package io.celerity.it.invalid;

import io.celerity.api.BackgroundTask;
import jakarta.enterprise.context.ApplicationScoped;

/** A field default naming a field the task entity does not have. */
@ApplicationScoped
public class MisspelledField {

    @BackgroundTask(fields = "ownr=carol")
    public void work(String what) {
        // never runs: the deployment fails
    }
}
