package io.celerity.api;

import java.util.List;
import java.util.Optional;

/**
 * Periodic tasks managed at run time, django-celery-beat's schedule table: inject it with
 * {@code @Inject Schedules schedules}. Schedules are stored in the database; a change takes effect on every node
 * within {@code celerity.schedule.poll-interval}, without a restart. Every method checks its input and throws
 * {@link IllegalArgumentException} with a message whose id says what is wrong (07xx, docs/reference.adoc), having stored nothing, when it is wrong.
 */
public interface Schedules {

    /**
     * Stores a new schedule; its task and arguments are the definition's {@link ScheduleDefinition#task}.
     *
     * @throws IllegalStateException if a schedule of that name exists
     */
    Schedule create(ScheduleDefinition definition);

    /**
     * Stores a new schedule, or replaces the definition of the one of that name (its counts stay), whose task and
     * arguments are those of the one task call made inside {@link Define#run}/{@link Define#call}: the call is
     * captured, not made.
     */
    Define define(ScheduleDefinition definition);

    /**
     * Replaces the definition of a schedule; its next run is computed again from now.
     *
     * @return the schedule, or empty if there is none of that name
     */
    Optional<Schedule> update(ScheduleDefinition definition);

    /** Enables or disables a schedule; enabling computes its next run from now. */
    Optional<Schedule> enable(String name, boolean enabled);

    /** Deletes a schedule; its past runs stay. A declared one comes back at the next deployment. */
    boolean delete(String name);

    /**
     * Starts a run now, outside the schedule's ticks, even when it is disabled; it counts as a run.
     *
     * @return the id of the run's task, or empty if there is no schedule of that name
     */
    Optional<String> runNow(String name);

    Optional<Schedule> find(String name);

    /** All schedules, by name. */
    List<Schedule> list();

    /** A schedule whose task and arguments come from a call; exactly one task call must happen inside. */
    interface Define {

        /** Captures a call of a task method that returns a handle. */
        Schedule call(Tasks.TaskCall<?> call);

        /** Captures a call of a {@code void} task method. */
        Schedule run(Tasks.VoidTaskCall call);
    }
}
