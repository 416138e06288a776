package io.celerity.it.control;

import io.celerity.api.TaskEvent;
import io.celerity.api.TaskState;
import io.celerity.api.TaskStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Observes only the failures of one task, and every event of another. */
@ApplicationScoped
public class FailureWatch {

    @Inject
    Trail trail;

    void stubbornFailed(@Observes @TaskStateChanged(task = "control.stubborn", state = TaskState.FAILURE) TaskEvent event) {
        trail.add("watched failure:" + event.id() + ":" + event.state());
    }

    void retried(@Observes @TaskStateChanged(state = TaskState.RETRY) TaskEvent event) {
        trail.add("watched retry:" + event.id());
    }

    void any(@Observes @TaskStateChanged TaskEvent event) {
        trail.add("event:" + event.id() + ":" + event.state());
    }
}
