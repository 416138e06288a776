package io.celerity.internal.store;

import io.celerity.api.TaskMeta;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.time.Instant;

/**
 * Celerity's columns of {@link TaskMeta}, written through its package-private setters. The setters are not public so
 * that application code cannot write a state (or anything the transition table guards) behind the store's back;
 * the store reaches them through a private lookup, and the setters run inside the entity so that the JPA provider's
 * weaving still sees every change.
 */
final class TaskColumns {

    static final Column<String> ID = column("setId", String.class);
    static final Column<String> TASK_NAME = column("setTaskName", String.class);
    static final Column<String> TASK_TYPE = column("setTaskType", String.class);
    static final Column<String> STATE = column("setState", String.class);
    static final Column<String> QUEUE = column("setQueue", String.class);
    static final Column<String> ARGUMENTS = column("setArguments", String.class);
    static final Column<String> RESULT = column("setResult", String.class);
    static final Column<String> ERROR_TYPE = column("setErrorType", String.class);
    static final Column<String> ERROR_MESSAGE = column("setErrorMessage", String.class);
    static final Column<String> ERROR_TRACE = column("setErrorTrace", String.class);
    static final Column<Instant> CREATED_AT = column("setCreatedAt", Instant.class);
    static final Column<Instant> STARTED_AT = column("setStartedAt", Instant.class);
    static final Column<Instant> FINISHED_AT = column("setFinishedAt", Instant.class);
    static final Column<Instant> CHANGED_AT = column("setChangedAt", Instant.class);
    static final Column<String> NODE = column("setNode", String.class);
    static final Column<Integer> ATTEMPT = column("setAttempt", int.class);
    static final Column<Integer> MAX_RETRIES = column("setMaxRetries", int.class);
    static final Column<Integer> PRIORITY = column("setPriority", int.class);
    static final Column<Instant> ETA = column("setEta", Instant.class);
    static final Column<Instant> EXPIRES_AT = column("setExpiresAt", Instant.class);
    static final Column<Long> SOFT_TIME_LIMIT_MILLIS = column("setSoftTimeLimitMillis", Long.class);
    static final Column<Long> TIME_LIMIT_MILLIS = column("setTimeLimitMillis", Long.class);
    static final Column<String> RUNNER = column("setRunner", String.class);
    static final Column<Instant> HEARTBEAT_AT = column("setHeartbeatAt", Instant.class);
    static final Column<Instant> ABORT_REQUESTED_AT = column("setAbortRequestedAt", Instant.class);
    static final Column<String> HISTORY = column("setHistory", String.class);
    static final Column<String> SCHEDULE_NAME = column("setScheduleName", String.class);
    static final Column<String> ROOT_ID = column("setRootId", String.class);
    static final Column<String> PARENT_ID = column("setParentId", String.class);
    static final Column<Integer> WAITS_FOR = column("setWaitsFor", Integer.class);
    static final Column<String> LINKS = column("setLinks", String.class);

    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.privateLookupIn(TaskMeta.class, MethodHandles.lookup())
                    .findVarHandle(TaskMeta.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TaskColumns() {
    }

    /** Sets the version of a copy that no persistence context manages, to the one a statement wrote. */
    static void setVersion(TaskMeta task, long version) {
        VERSION.set(task, version);
    }

    /** One column's setter. */
    record Column<V>(MethodHandle setter) {

        void set(TaskMeta task, V value) {
            try {
                setter.invoke(task, value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static <V> Column<V> column(String setter, Class<?> type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(TaskMeta.class, MethodHandles.lookup());
            return new Column<>(lookup.findVirtual(TaskMeta.class, setter, MethodType.methodType(void.class, type)));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
