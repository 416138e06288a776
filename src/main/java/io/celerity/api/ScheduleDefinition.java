package io.celerity.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * What a schedule runs and when, for {@link Schedules}: immutable, each method returns a changed copy. It is checked
 * when saved (cron, interval, task, arguments, fields), not here.
 *
 * <pre>{@code
 * schedules.define(ScheduleDefinition.cron("nightly-report", "0 30 2 * * *").zone(ZoneId.of("Europe/Berlin")))
 *          .run(() -> reports.report(7));
 * schedules.create(ScheduleDefinition.every("ping", Duration.ofMinutes(5)).task("ping", "[]"));
 * }</pre>
 */
public final class ScheduleDefinition {

    private final String name;
    private final String cron;
    private final Duration every;
    private final Instant at;
    private final ZoneId zone;
    private final String task;
    private final String arguments;
    private final Map<String, String> fields;
    private final Integer priority;
    private final Duration expires;
    private final MissedRun missed;
    private final boolean enabled;

    private ScheduleDefinition(String name, String cron, Duration every, Instant at, ZoneId zone, String task,
                               String arguments, Map<String, String> fields, Integer priority, Duration expires,
                               MissedRun missed, boolean enabled) {
        this.name = name;
        this.cron = cron;
        this.every = every;
        this.at = at;
        this.zone = zone;
        this.task = task;
        this.arguments = arguments;
        this.fields = fields;
        this.priority = priority;
        this.expires = expires;
        this.missed = missed;
        this.enabled = enabled;
    }

    /** Runs at the times a cron expression names (5 fields, or 6 with seconds first), in UTC unless zoned. */
    public static ScheduleDefinition cron(String name, String cron) {
        return new ScheduleDefinition(name, cron, null, null, ZoneOffset.UTC, null, "[]", Map.of(), null, null,
                MissedRun.RUN_ONCE, true);
    }

    /** Runs every {@code interval}, the first run one interval after the schedule is saved. */
    public static ScheduleDefinition every(String name, Duration interval) {
        return new ScheduleDefinition(name, null, interval, null, ZoneOffset.UTC, null, "[]", Map.of(), null, null,
                MissedRun.RUN_ONCE, true);
    }

    /** Runs once, at {@code at} (django-celery-beat's clocked schedule). */
    public static ScheduleDefinition once(String name, Instant at) {
        return new ScheduleDefinition(name, null, null, at, ZoneOffset.UTC, null, "[]", Map.of(), null, null,
                MissedRun.RUN_ONCE, true);
    }

    /** The zone whose wall-clock time the cron fields are read in. */
    public ScheduleDefinition zone(ZoneId zone) {
        return new ScheduleDefinition(name, cron, every, at, zone, task, arguments, fields, priority, expires, missed,
                enabled);
    }

    /**
     * The task by its name, and its arguments as a JSON array (checked against the method's parameters). From Java,
     * {@link Schedules#define} takes them from a call instead, checked by the compiler.
     */
    public ScheduleDefinition task(String taskName, String argumentsJson) {
        return new ScheduleDefinition(name, cron, every, at, zone, taskName, argumentsJson, fields, priority, expires,
                missed, enabled);
    }

    /** Entity fields of every run, as {@link BackgroundTask#fields()} writes them, over the task's defaults. */
    public ScheduleDefinition fields(Map<String, String> runFields) {
        return new ScheduleDefinition(name, cron, every, at, zone, task, arguments, Map.copyOf(runFields), priority,
                expires, missed, enabled);
    }

    /** The runs' priority, 0 to 9, instead of the task's. */
    public ScheduleDefinition priority(int runPriority) {
        return new ScheduleDefinition(name, cron, every, at, zone, task, arguments, fields, runPriority, expires,
                missed, enabled);
    }

    /** How long after it is enqueued a run that has not started expires, instead of the task's expiry. */
    public ScheduleDefinition expires(Duration expiresIn) {
        return new ScheduleDefinition(name, cron, every, at, zone, task, arguments, fields, priority, expiresIn,
                missed, enabled);
    }

    /** What to do with runs missed while no node could start them; default {@link MissedRun#RUN_ONCE}. */
    public ScheduleDefinition missed(MissedRun policy) {
        return new ScheduleDefinition(name, cron, every, at, zone, task, arguments, fields, priority, expires,
                policy, enabled);
    }

    /** Whether the schedule runs; a disabled one keeps its definition and counts. */
    public ScheduleDefinition enabled(boolean runs) {
        return new ScheduleDefinition(name, cron, every, at, zone, task, arguments, fields, priority, expires, missed,
                runs);
    }

    public String name() {
        return name;
    }

    /** The cron expression, or {@code null}. */
    public String cron() {
        return cron;
    }

    /** The interval, or {@code null}. */
    public Duration every() {
        return every;
    }

    /** The instant of a one-off schedule, or {@code null}. */
    public Instant at() {
        return at;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The task name, or {@code null} until given. */
    public String task() {
        return task;
    }

    /** The arguments as a JSON array. */
    public String arguments() {
        return arguments;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** The runs' priority, or {@code null} for the task's. */
    public Integer priority() {
        return priority;
    }

    /** The runs' expiry, or {@code null} for the task's. */
    public Duration expires() {
        return expires;
    }

    public MissedRun missed() {
        return missed;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScheduleDefinition that && enabled == that.enabled && Objects.equals(name, that.name)
                && Objects.equals(cron, that.cron) && Objects.equals(every, that.every) && Objects.equals(at, that.at)
                && Objects.equals(zone, that.zone) && Objects.equals(task, that.task)
                && Objects.equals(arguments, that.arguments) && Objects.equals(fields, that.fields)
                && Objects.equals(priority, that.priority) && Objects.equals(expires, that.expires)
                && missed == that.missed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, cron, every, at, zone, task, arguments, fields, priority, expires, missed, enabled);
    }

    @Override
    public String toString() {
        return "ScheduleDefinition[" + name + ", " + (cron != null ? "cron " + cron + " " + zone
                : every != null ? "every " + every : "once at " + at) + ", task " + task + arguments + "]";
    }
}
