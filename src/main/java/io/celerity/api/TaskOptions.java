package io.celerity.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-call options, Celery's {@code apply_async(countdown=…, eta=…, expires=…, priority=…)}; each overrides the
 * task's annotation and configuration for one call. Immutable: every method returns a new instance.
 *
 * <pre>{@code
 * tasks.with(TaskOptions.of(Map.of("owner", user)).countdown(Duration.ofMinutes(5)).priority(9))
 *      .call(() -> reports.build(month));
 * tasks.with(TaskOptions.of(AsyncTask.class, t -> t.setOwner(user)).priority(9)).call(() -> reports.build(month));
 * }</pre>
 */
public final class TaskOptions {

    private static final TaskOptions NONE = new TaskOptions();

    private Map<String, ?> fields = Map.of();
    private Consumer<TaskMeta> typedFields;
    private Instant eta;
    private Duration countdown;
    private Instant expiresAt;
    private Duration expiresIn;
    private Integer priority;
    private Integer maxRetries;
    private Duration[] timeLimits;
    private String id;

    private TaskOptions() {
    }

    private TaskOptions copy() {
        TaskOptions copy = new TaskOptions();
        copy.fields = fields;
        copy.typedFields = typedFields;
        copy.eta = eta;
        copy.countdown = countdown;
        copy.expiresAt = expiresAt;
        copy.expiresIn = expiresIn;
        copy.priority = priority;
        copy.maxRetries = maxRetries;
        copy.timeLimits = timeLimits;
        copy.id = id;
        return copy;
    }

    /** No options: the task's defaults. */
    public static TaskOptions none() {
        return NONE;
    }

    /** Entity fields that override the annotation's defaults; a value may be an entity, or an association's id. */
    public static TaskOptions of(Map<String, ?> fields) {
        return NONE.fields(fields);
    }

    public TaskOptions fields(Map<String, ?> fields) {
        if (fields == null) {
            throw new IllegalArgumentException(ApiMessage.INVALID_OPTION.format("fields", "not be null"));
        }
        TaskOptions copy = copy();
        copy.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        return copy;
    }

    /**
     * Entity fields set by code the compiler checks, on the application's own entity class:
     * {@code TaskOptions.of(AsyncTask.class, t -> { t.setOwner(user); t.setProvider(provider); })}.
     */
    public static <E extends TaskMeta> TaskOptions of(Class<E> entity, Consumer<? super E> fields) {
        return NONE.set(entity, fields);
    }

    /**
     * Sets entity fields by code, after the map form's: the consumer runs once, in the enqueue, on the new task
     * entity before it is stored, with the annotation's and the map's fields already set. An association may be set
     * to a detached entity: the stored task refers to the managed one with its id.
     *
     * @throws IllegalArgumentException at the enqueue if the application's task entity is not an {@code entity}, or
     *                                  if the consumer throws (its exception is the cause)
     */
    public <E extends TaskMeta> TaskOptions set(Class<E> entity, Consumer<? super E> fields) {
        if (entity == null || fields == null) {
            throw new IllegalArgumentException(ApiMessage.INVALID_OPTION.format("the entity class and its fields",
                    "not be null"));
        }
        Consumer<TaskMeta> typed = task -> {
            if (!entity.isInstance(task)) {
                throw new IllegalArgumentException(ApiMessage.NOT_THE_TASK_ENTITY.format(entity.getName(),
                        task.getClass().getName()));
            }
            try {
                fields.accept(entity.cast(task));
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(ApiMessage.FIELDS_CODE_THREW.format(entity.getSimpleName(), e), e);
            }
        };
        TaskOptions copy = copy();
        copy.typedFields = typedFields == null ? typed : typedFields.andThen(typed);
        return copy;
    }

    /** Run no earlier than this long after the enqueue; the task is {@link TaskState#SCHEDULED} until then. */
    public TaskOptions countdown(Duration countdown) {
        requireNotNegative("countdown", countdown);
        TaskOptions copy = copy();
        copy.eta = null;
        copy.countdown = countdown;
        return copy;
    }

    /** Run no earlier than this instant; the task is {@link TaskState#SCHEDULED} until then. */
    public TaskOptions eta(Instant eta) {
        if (eta == null) {
            throw new IllegalArgumentException(ApiMessage.INVALID_OPTION.format("eta", "not be null"));
        }
        TaskOptions copy = copy();
        copy.eta = eta;
        copy.countdown = null;
        return copy;
    }

    /** A task not started this long after the enqueue ends {@link TaskState#EXPIRED}; its body never runs. */
    public TaskOptions expires(Duration expiresIn) {
        requireNotNegative("expires", expiresIn);
        TaskOptions copy = copy();
        copy.expiresAt = null;
        copy.expiresIn = expiresIn;
        return copy;
    }

    /** A task not started by this instant ends {@link TaskState#EXPIRED}; its body never runs. */
    public TaskOptions expires(Instant expiresAt) {
        if (expiresAt == null) {
            throw new IllegalArgumentException(ApiMessage.INVALID_OPTION.format("expires", "not be null"));
        }
        TaskOptions copy = copy();
        copy.expiresAt = expiresAt;
        copy.expiresIn = null;
        return copy;
    }

    /** The message priority, 0 (lowest) to 9 (highest); waiting tasks of higher priority are delivered first. */
    public TaskOptions priority(int priority) {
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException(ApiMessage.PRIORITY_OUT_OF_RANGE.format(priority));
        }
        TaskOptions copy = copy();
        copy.priority = priority;
        return copy;
    }

    /** How many times a failed run is retried; overrides {@link BackgroundTask#maxRetries()}. */
    public TaskOptions maxRetries(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException(ApiMessage.NEGATIVE_MAX_RETRIES.format(maxRetries));
        }
        TaskOptions copy = copy();
        copy.maxRetries = maxRetries;
        return copy;
    }

    /** The soft and hard time limits of each run ({@code null} for none); see {@link BackgroundTask#timeLimit()}. */
    public TaskOptions timeLimits(Duration soft, Duration hard) {
        requirePositive("soft time limit", soft);
        requirePositive("time limit", hard);
        if (soft != null && hard != null && soft.compareTo(hard) >= 0) {
            throw new IllegalArgumentException(ApiMessage.INVALID_OPTION.format("the soft time limit " + soft,
                    "be shorter than the time limit " + hard));
        }
        TaskOptions copy = copy();
        copy.timeLimits = new Duration[]{soft, hard};
        return copy;
    }

    /**
     * The task id to use instead of a generated one: an idempotency key. Enqueueing again with the id of an existing
     * task of the same name enqueues nothing and returns that task's handle, so a caller that retries after an
     * ambiguous commit gets one task that runs once. Two callers enqueueing the same id at once make one task too: a
     * caller without a transaction gets it; a caller whose transaction lost the race gets an
     * {@link IllegalStateException} that says so, and its transaction is rolled back. At most 36 characters: letters, digits, {@code - _ . :}.
     */
    public TaskOptions id(String id) {
        if (id == null || !id.matches("[A-Za-z0-9._:-]{1,36}")) {
            throw new IllegalArgumentException(ApiMessage.MALFORMED_TASK_ID.format(id));
        }
        TaskOptions copy = copy();
        copy.id = id;
        return copy;
    }

    /** The given task id, or {@code null} for a generated one. */
    public String id() {
        return id;
    }

    public Map<String, ?> fields() {
        return fields;
    }

    /** The fields set by code ({@link #set}), applied to a new task entity; {@code null} if none. */
    public Consumer<TaskMeta> typedFields() {
        return typedFields;
    }

    /** When the task is due, computed from an eta or a countdown; {@code null} for at once. */
    public Instant dueAt(Instant now) {
        return eta != null ? eta : countdown != null ? now.plus(countdown) : null;
    }

    /** When the task expires; {@code null} for the task's default. */
    public Instant expiresAt(Instant now) {
        return expiresAt != null ? expiresAt : expiresIn != null ? now.plus(expiresIn) : null;
    }

    /** The priority, or {@code null} for the task's default. */
    public Integer priority() {
        return priority;
    }

    /** The retry count, or {@code null} for the task's default. */
    public Integer maxRetries() {
        return maxRetries;
    }

    /** Whether {@link #timeLimits} was given. */
    public boolean hasTimeLimits() {
        return timeLimits != null;
    }

    public Duration softTimeLimit() {
        return timeLimits == null ? null : timeLimits[0];
    }

    public Duration timeLimit() {
        return timeLimits == null ? null : timeLimits[1];
    }

    private static void requireNotNegative(String what, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(ApiMessage.INVALID_OPTION.format(what,
                    "be a duration of zero or more, not " + value));
        }
    }

    private static void requirePositive(String what, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(ApiMessage.INVALID_OPTION.format("the " + what,
                    "be positive, not " + value));
        }
    }
}
