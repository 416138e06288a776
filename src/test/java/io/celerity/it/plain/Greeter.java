package io.celerity.it.plain;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A task of an application that has no task entity of its own. */
@ApplicationScoped
@BackgroundTask(type = "GREETING")
public class Greeter {

    @Inject
    TaskContext task;

    public TaskHandle<String> greet(String name) {
        task.progress(1, 2);
        return TaskHandle.completed("Hello, " + name);
    }
}
