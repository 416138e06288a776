package io.celerity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link BackgroundTask} method on a schedule, Celery beat's {@code beat_schedule} entry. Deploying the
 * application creates the schedule, or updates the definition of an existing one of the same name (its run count,
 * last run and whether it is enabled stay as they were). Each run is an ordinary task whose row names its schedule;
 * each tick runs once in the whole cluster, however many nodes there are. A schedule can be changed, disabled or run
 * at once without redeploying, through {@link Schedules} or the REST API.
 *
 * <pre>{@code
 * @BackgroundTask(name = "nightly-report")
 * @Periodic(cron = "0 30 2 * * *", zone = "Europe/Berlin", arguments = "[7]")
 * public void report(int days) { ... }
 * }</pre>
 *
 * Exactly one of {@link #cron()} and {@link #every()} is set. A mistake in any member fails the deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Periodic.List.class)
public @interface Periodic {

    /** The schedule's name, unique in the application; default: the task's name. */
    String name() default "";

    /**
     * A cron expression: 5 fields (minute hour day-of-month month day-of-week) or 6 (second first), read as
     * wall-clock time in {@link #zone()}; such as {@code "0 30 2 * * *"} (02:30:00 every day) or
     * {@code "0 9 * * MON-FRI"}. See docs/reference.adoc for the syntax and what happens when clocks change.
     */
    String cron() default "";

    /** A fixed interval instead of a cron, such as {@code "10s"}, {@code "15m"}, {@code "PT1H30M"}. */
    String every() default "";

    /** The time zone of {@link #cron()}, such as {@code "Europe/Berlin"}. */
    String zone() default "UTC";

    /** The method's arguments as a JSON array, such as {@code "[7, \"pdf\"]"}; checked against its parameters. */
    String arguments() default "[]";

    /** Entity fields of every run, each as {@code "field=value"}, over the task's own defaults. */
    String[] fields() default {};

    /** The runs' priority, 0 to 9; default: the task's. */
    int priority() default -1;

    /** How long after it is enqueued a run that has not started expires, such as {@code "5m"}; default: the task's. */
    String expires() default "";

    /** What to do with runs missed while no node could start them. */
    MissedRun missed() default MissedRun.RUN_ONCE;

    /** Several schedules of one task. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Periodic[] value();
    }
}
