package io.celerity.internal.workflow;

import java.util.ArrayList;
import java.util.List;

/** One task of a workflow being planned: its signature and its links to the others, by index. */
final class PlannedTask {

    final int index;
    final CapturedSignature<?> signature;
    /** How many tasks must end before it may run; 0 for a first task. */
    int waitsFor;
    /** Tasks released (or skipped) when it ends. */
    final List<Integer> next = new ArrayList<>();
    /** Error callbacks that run if it fails. */
    final List<Integer> onError = new ArrayList<>();
    /** What it receives as first argument, or {@code null}. */
    Output input;
    /** Whether it is an error callback, which receives the failure, and waits for the tasks it guards to end. */
    boolean errback;
    /** The task whose end releases it, for {@code parent_id}; {@code null} for a first task. */
    Integer parent;

    PlannedTask(int index, CapturedSignature<?> signature) {
        this.index = index;
        this.signature = signature;
    }

    boolean waits() {
        return errback || waitsFor > 0;
    }
}
