package io.celerity.internal.message;

/** Messages of periodic tasks and retention (07xx). */
public enum ScheduleMessage implements Message {

    BAD_NAME("CELERITY-0701: a schedule name has 1 to 200 letters, digits or - _ . : characters and starts with a "
            + "letter or digit, not '%s'"),
    TIMING("CELERITY-0702: schedule %s needs exactly one of cron, every and at; it has %s"),
    BAD_CRON("CELERITY-0703: schedule %s: %s"),
    BAD_ZONE("CELERITY-0704: schedule %s names zone '%s', which is not a time zone id such as Europe/Berlin or UTC"),
    INTERVAL_TOO_SHORT("CELERITY-0705: schedule %s runs every %s, more often than celerity.schedule.min-interval "
            + "(%s) allows"),
    UNKNOWN_TASK("CELERITY-0706: schedule %s names task '%s', which is not a @BackgroundTask of this application; "
            + "its tasks are %s"),
    BAD_ARGUMENTS("CELERITY-0707: schedule %s: the arguments %s do not fit task %s, whose parameters are (%s): %s"),
    BAD_FIELDS("CELERITY-0708: schedule %s: %s"),
    BAD_PRIORITY("CELERITY-0709: schedule %s has priority %s; use 0 (lowest) to 9 (highest)"),
    BAD_EXPIRES("CELERITY-0710: schedule %s: expires %s"),
    EXISTS("CELERITY-0711: a schedule named %s exists; update it, or choose another name"),
    PERIODIC_WITHOUT_TASK("CELERITY-0712: %s has @Periodic but is not a @BackgroundTask method; a schedule runs a task"),
    DUPLICATE_NAME("CELERITY-0713: schedule name '%s' is declared twice, on %s and on %s; give one of them "
            + "@Periodic(name = ...)"),
    NOTHING_CAPTURED("CELERITY-0714: Schedules.define(...) must call exactly one @BackgroundTask method inside "
            + "run(...) or call(...); the call is captured as the schedule's task and arguments, not made"),
    DECLARED("CELERITY-0715: %s schedule(s) declared with @Periodic: %s"),
    MISSING("CELERITY-0716: %s is null; a schedule needs it"),
    OUT_OF_RANGE("CELERITY-0717: schedule %s: %s %s is out of range; %s"),

    RUN_FAILED("CELERITY-0720: the run of schedule %s due at %s cannot be enqueued, so this tick is skipped: %s"),
    STILL_DUE("CELERITY-0723: the run of schedule %s due at %s did not start; the tick stays due and the next poll "
            + "tries again: %s"),
    POLL_FAILED("CELERITY-0721: looking for due schedules failed; the next poll tries again: %s"),
    UNKNOWN_HERE("CELERITY-0722: schedule %s runs task '%s', which this node does not have; run it from a node "
            + "that has it"),

    RETENTION_DELETED("CELERITY-0730: retention deleted %s finished task(s) in %s ms"),
    RETENTION_FAILED("CELERITY-0731: retention failed; the next interval tries again: %s");

    private final String template;

    ScheduleMessage(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
