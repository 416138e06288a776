package io.celerity.it.app;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskContext;
import io.celerity.demo.AsyncTask;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** A stateless EJB with a void task. */
@Stateless
public class Mailer {

    @Inject
    TaskContext task;

    @Inject
    Invocations invocations;

    @BackgroundTask(name = "send-mail", type = AsyncTask.SHORT)
    public void send(String to) {
        invocations.record(task.id(), "mail:" + to);
    }
}
