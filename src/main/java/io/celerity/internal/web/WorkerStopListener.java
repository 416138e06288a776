package io.celerity.internal.web;

import io.celerity.internal.execution.WorkerShutdown;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Stops the workers gracefully when the application stops, before the container stops its message-driven beans. */
@WebListener
public class WorkerStopListener implements ServletContextListener {

    @Inject
    WorkerShutdown shutdown;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        shutdown.stop();
    }
}
