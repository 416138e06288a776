package io.celerity.it.schedule;

import io.celerity.api.BackgroundTask;
import io.celerity.api.Periodic;
import io.celerity.api.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The periodic tasks of ScheduleIT: two declared schedules, and tasks that schedules made at run time use. */
@ApplicationScoped
public class Beats {

    @Inject
    Seen seen;

    @Inject
    TaskContext context;

    @BackgroundTask(name = "it-beat")
    @Periodic(name = "it-every-second", every = "1s", arguments = "[\"declared\"]", fields = "total=7")
    @Periodic(name = "it-cron", cron = "*/2 * * * * *", zone = "Europe/Berlin", arguments = "[\"cron\"]")
    public void beat(String marker) {
        seen.record(marker, context.id());
    }

    @BackgroundTask(name = "it-echo")
    public void echo(String marker) {
        seen.record(marker, context.id());
    }

    @BackgroundTask(name = "it-purged")
    public void purged(String marker, boolean fail) {
        if (fail) {
            throw new IllegalStateException("fails on purpose");
        }
    }

    @BackgroundTask(name = "it-kept")
    public void kept(String marker) {
        seen.record(marker, context.id());
    }
}
