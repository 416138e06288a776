package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.registry.RateLimit;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.store.GroupCommit;
import io.celerity.internal.store.RateLimits;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.Transitions;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides, on the locked task row, what a delivered message does: start the task, drop the message (the task ended,
 * or this node runs it), check again later (not due yet, waiting for its rate-limit slot, or another runner may still
 * be alive), expire it, or handle a lost runner.
 */
@ApplicationScoped
public class TaskStarts {

    /** A message delivered this much before its task is due counts as due (clocks of broker and nodes differ). */
    private static final Duration EARLY = Duration.ofMillis(250);
    /** Margin after a lease runs out before a possibly lost run is checked again. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(1);

    @Inject
    GroupCommit commits;

    @Inject
    RateLimits rateLimits;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    /**
     * What to do with a delivered message.
     *
     * @param waited for a run: how long the task waited after it was due, {@code null} when it is run again after its
     *               worker was lost
     */
    public record Start(Kind kind, TaskMeta task, String state, Instant later, Duration waited) {

        public enum Kind { RUN, DROP, LATER, MISSING }

        static Start run(TaskMeta task, Duration waited) {
            return new Start(Kind.RUN, task, task.getState(), null, waited);
        }

        static Start drop(String state) {
            return new Start(Kind.DROP, null, state, null, null);
        }

        static Start later(TaskMeta task, Instant at) {
            return new Start(Kind.LATER, task, task.getState(), at, null);
        }
    }

    Start begin(String id, TaskDefinition definition, Run run) {
        return commits.locked(id, locked -> {
            TaskMeta task = locked.task();
            if (task == null) {
                return new Start(Start.Kind.MISSING, null, null, null, null);
            }
            Instant now = clock.instant();
            String state = task.getState();
            if (task.isTerminal() || TaskState.PENDING.equals(state)) {
                // a PENDING workflow task has no message of its own yet: only its release sends one
                return Start.drop(state);
            }
            Instant due = null;
            if (Transitions.isRunning(state)) {
                if (!WorkerLoss.isLost(task, config.runner(), config.lease(), now)) {
                    return Start.later(task, task.getHeartbeatAt().plus(config.lease()).plus(LEASE_MARGIN));
                }
                // RETRY "worker lost" (then STARTED below), or FAILURE
                if (TaskState.FAILURE.equals(WorkerLoss.record(locked, definition.policy(), now).state())) {
                    return Start.drop(TaskState.FAILURE);
                }
            } else {
                if (task.getAttempt() == 0 && task.getExpiresAt() != null && now.isAfter(task.getExpiresAt())) {
                    locked.change(TaskState.EXPIRED, Expiries::reason);
                    return Start.drop(TaskState.EXPIRED);
                }
                Instant eta = task.getEta();
                due = eta != null ? eta : task.getChangedAt();
                boolean holdsSlot = TaskState.QUEUED.equals(state) && eta != null;
                if (eta != null && eta.isAfter(holdsSlot ? now : now.plus(EARLY))) {
                    return Start.later(task, eta);
                }
                RateLimit rate = definition.policy().rateLimit();
                if (rate != null && !holdsSlot) {
                    Instant slot = rateLimits.reserve(definition.name(), rate.interval(), now);
                    if (slot == null) {
                        return Start.later(task, now.plus(RateLimits.horizon(rate.interval())));
                    }
                    if (slot.isAfter(now)) {
                        locked.change(TaskState.QUEUED, write -> write.eta(slot));
                        return Start.later(task, slot);
                    }
                }
            }
            TaskStore.Change started = locked.change(TaskState.STARTED, write -> write.runStarted(now, config.runner()));
            if (!started.changed()) {
                return Start.drop(started.state());
            }
            if (task.getAbortRequestedAt() != null) {
                run.requestAbort();
            }
            run.attempt(task.getAttempt());
            run.committed(started.task());
            return Start.run(started.task(),
                    due == null ? null : due.isAfter(now) ? Duration.ZERO : Duration.between(due, now));
        });
    }
}
