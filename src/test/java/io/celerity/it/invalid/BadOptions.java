package io.celerity.it.invalid;

import io.celerity.api.BackgroundTask;
import jakarta.enterprise.context.ApplicationScoped;

/** A task with settings that cannot work, and one on a queue that no worker consumes. */
@ApplicationScoped
public class BadOptions {

    @BackgroundTask(name = "too-fast", rateLimit = "fast", priority = 12)
    public void tooFast() {
    }

    @BackgroundTask(name = "nowhere", queue = "celerity.nowhere")
    public void nowhere() {
    }
}
