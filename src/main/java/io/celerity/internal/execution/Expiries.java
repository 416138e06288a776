package io.celerity.internal.execution;

import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.store.TaskStore;
import io.celerity.internal.store.Transitions;
import io.celerity.internal.store.TaskWrite;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;

/** Ends waiting tasks whose expiry time has passed: their bodies never run. */
@ApplicationScoped
public class Expiries {

    @Inject
    TaskStore store;

    @Inject
    @CelerityClock
    Clock clock;

    /**
     * Marks EXPIRED the waiting tasks whose expiry time has passed.
     *
     * @param max the most tasks handled at once
     */
    void expirePassed(Instant now, int max) {
        for (String id : store.expiredWaiting(now, max)) {
            expire(id);
        }
    }

    /** Marks the task EXPIRED if it still waits and its expiry time has passed. */
    public boolean expire(String id) {
        return store.locked(id, locked -> {
            TaskMeta task = locked.task();
            if (task == null || !Transitions.isWaiting(task.getState()) || task.getAttempt() > 0
                    || task.getExpiresAt() == null
                    || task.getExpiresAt().isAfter(clock.instant())) {
                return false;
            }
            return locked.change(TaskState.EXPIRED, Expiries::reason).changed();
        });
    }

    static void reason(TaskWrite write) {
        write.celerityError(WorkerMessage.EXPIRED.format(write.task().getExpiresAt()));
    }
}
