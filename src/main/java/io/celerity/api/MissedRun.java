package io.celerity.api;

/**
 * What a schedule does with a run that is due while no node can start it (every node was down, or the database was
 * unreachable) for longer than {@code celerity.schedule.missed-after}. Never more than one run follows such a gap,
 * however many were due in it.
 */
public enum MissedRun {
    /** Start one run at once for all the runs that were missed, then go on with the next one due. */
    RUN_ONCE,
    /** Start none of them; go on with the next run due after now. */
    SKIP
}
