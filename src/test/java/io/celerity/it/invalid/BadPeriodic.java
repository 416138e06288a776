package io.celerity.it.invalid;

import io.celerity.api.BackgroundTask;
import io.celerity.api.Periodic;
import jakarta.enterprise.context.ApplicationScoped;

/** Schedules that cannot work: a cron out of range, a zone that does not exist, arguments that do not fit, no task. */
@ApplicationScoped
public class BadPeriodic {

    @BackgroundTask(name = "bad-cron")
    @Periodic(cron = "61 * * * *")
    public void badCron() {
    }

    @BackgroundTask(name = "bad-zone")
    @Periodic(cron = "0 0 * * *", zone = "Mars/Olympus")
    public void badZone() {
    }

    @BackgroundTask(name = "bad-arguments")
    @Periodic(every = "1m", arguments = "[1]")
    public void badArguments(String text) {
    }

    @Periodic(every = "1m")
    public void notATask() {
    }
}
