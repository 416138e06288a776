package io.celerity.api;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The persistent record of a task, AsyncTask's {@code TaskMeta}: extend it with an {@code @Entity} of your own to add
 * columns (owner, provider, progress, ...), or let Celerity use {@link DefaultTaskMeta}.
 *
 * <p>Celerity alone writes the columns declared here, each change checked against the table of allowed state
 * transitions: their setters are not public (your subclass's own columns are yours to write). Every write is a short
 * transaction of its own that bumps {@link #getVersion()}, and every committed write is announced as a
 * {@link TaskStateChanged} event.
 *
 * <p>Times are {@link Instant}s in the API and SQL timestamps (UTC) in the table. Task rows are never kept in the JPA provider's shared cache: they change on worker threads and other nodes, so
 * every read goes to the database.
 */
@Cacheable(false)
@MappedSuperclass
@EntityListeners(TaskMetaListener.class)
public abstract class TaskMeta {

    /**
     * The most characters the text columns (arguments, result, error trace, history) hold: PostgreSQL's longest
     * {@code VARCHAR}. They are not {@code @Lob}: Hibernate stores a {@code @Lob String} on PostgreSQL as a large
     * object, which cannot be read outside a transaction and outlives its deleted row. Longer arguments are refused
     * at enqueue, a longer result fails its task, and a longer trace is cut.
     */
    public static final int MAX_TEXT = 10_485_760;

    @Id
    @Column(name = "id", length = 36, nullable = false, updatable = false)
    private String id;

    @Column(name = "task_name", length = 200, nullable = false, updatable = false)
    private String taskName;

    @Column(name = "task_type", length = 100)
    private String taskType;

    @Column(name = "state", length = 40, nullable = false)
    private String state;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "queue", length = 200, nullable = false, updatable = false)
    private String queue;

    @Column(name = "arguments", length = MAX_TEXT)
    private String arguments;

    @Column(name = "result", length = MAX_TEXT)
    private String result;

    @Column(name = "error_type", length = 500)
    private String errorType;

    @Column(name = "error_message", length = 4000)
    private String errorMessage;

    @Column(name = "error_trace", length = MAX_TEXT)
    private String errorTrace;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Timestamp createdAt;

    @Column(name = "started_at")
    private Timestamp startedAt;

    @Column(name = "finished_at")
    private Timestamp finishedAt;

    @Column(name = "changed_at", nullable = false)
    private Timestamp changedAt;

    @Column(name = "node", length = 200)
    private String node;

    @Column(name = "attempt", nullable = false)
    private int attempt;

    @Column(name = "max_retries", nullable = false)
    private int maxRetries;

    @Column(name = "priority", nullable = false)
    private int priority = BackgroundTask.DEFAULT_PRIORITY;

    @Column(name = "eta")
    private Timestamp eta;

    @Column(name = "expires_at")
    private Timestamp expiresAt;

    @Column(name = "soft_time_limit_ms")
    private Long softTimeLimitMillis;

    @Column(name = "time_limit_ms")
    private Long timeLimitMillis;

    @Column(name = "runner", length = 240)
    private String runner;

    @Column(name = "heartbeat_at")
    private Timestamp heartbeatAt;

    @Column(name = "abort_requested_at")
    private Timestamp abortRequestedAt;

    @Column(name = "history", length = MAX_TEXT)
    private String history;

    @Column(name = "schedule_name", length = 200, updatable = false)
    private String scheduleName;

    @Column(name = "root_id", length = 36, updatable = false)
    private String rootId;

    @Column(name = "parent_id", length = 36, updatable = false)
    private String parentId;

    @Column(name = "waits_for")
    private Integer waitsFor;

    @Column(name = "links", length = MAX_TEXT)
    private String links;

    /** Whether the task has ended for good. */
    public boolean isTerminal() {
        return TaskState.isTerminal(state);
    }

    public String getId() {
        return id;
    }

    void setId(String id) {
        this.id = id;
    }

    /** The registered task name ({@link BackgroundTask#name()}). */
    public String getTaskName() {
        return taskName;
    }

    void setTaskName(String taskName) {
        this.taskName = taskName;
    }

    /** The task type ({@link BackgroundTask#type()}), a label for classifying tasks. */
    public String getTaskType() {
        return taskType;
    }

    void setTaskType(String taskType) {
        this.taskType = taskType;
    }

    /** The current state: one of {@link TaskState} or a custom state. */
    public String getState() {
        return state;
    }

    void setState(String state) {
        this.state = state;
    }

    /** Increases with every committed change. */
    public long getVersion() {
        return version;
    }

    public String getQueue() {
        return queue;
    }

    void setQueue(String queue) {
        this.queue = queue;
    }

    /** The arguments of the call as a JSON array. */
    public String getArguments() {
        return arguments;
    }

    void setArguments(String arguments) {
        this.arguments = arguments;
    }

    /** The result as JSON, once the task succeeded; {@code null} for a {@code void} task. */
    public String getResult() {
        return result;
    }

    void setResult(String result) {
        this.result = result;
    }

    /** The class name of the exception a failed task threw, or the reason Celerity failed it. */
    public String getErrorType() {
        return errorType;
    }

    void setErrorType(String errorType) {
        this.errorType = errorType;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    /** The stack trace of a failed task, as text. */
    public String getErrorTrace() {
        return errorTrace;
    }

    void setErrorTrace(String errorTrace) {
        this.errorTrace = errorTrace;
    }

    /** When the task was enqueued. */
    public Instant getCreatedAt() {
        return createdAt == null ? null : createdAt.toInstant();
    }

    void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt == null ? null : Timestamp.from(createdAt);
    }

    /** When a worker last started it. */
    public Instant getStartedAt() {
        return startedAt == null ? null : startedAt.toInstant();
    }

    void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt == null ? null : Timestamp.from(startedAt);
    }

    /** When it reached a terminal state. */
    public Instant getFinishedAt() {
        return finishedAt == null ? null : finishedAt.toInstant();
    }

    void setFinishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt == null ? null : Timestamp.from(finishedAt);
    }

    /** When it last changed. */
    public Instant getChangedAt() {
        return changedAt == null ? null : changedAt.toInstant();
    }

    void setChangedAt(Instant changedAt) {
        this.changedAt = changedAt == null ? null : Timestamp.from(changedAt);
    }

    /** The node that made the last change. */
    public String getNode() {
        return node;
    }

    void setNode(String node) {
        this.node = node;
    }

    /** How many runs have started: 1 during the first run, 2 during the first retry, and so on. */
    public int getAttempt() {
        return attempt;
    }

    void setAttempt(int attempt) {
        this.attempt = attempt;
    }

    /** How many times a failed run is retried, as decided at enqueue. */
    public int getMaxRetries() {
        return maxRetries;
    }

    void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** The message priority, 0 to 9. */
    public int getPriority() {
        return priority;
    }

    void setPriority(int priority) {
        this.priority = priority;
    }

    /**
     * When a waiting task is due: its countdown or eta while {@link TaskState#SCHEDULED}, its next attempt while
     * {@link TaskState#RETRY}, its reserved rate-limit slot while {@link TaskState#QUEUED}; {@code null}: at once.
     */
    public Instant getEta() {
        return eta == null ? null : eta.toInstant();
    }

    void setEta(Instant eta) {
        this.eta = eta == null ? null : Timestamp.from(eta);
    }

    /** When a task not yet started expires; {@code null}: never. */
    public Instant getExpiresAt() {
        return expiresAt == null ? null : expiresAt.toInstant();
    }

    void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt == null ? null : Timestamp.from(expiresAt);
    }

    /** The soft time limit of each run in milliseconds, or {@code null}. */
    public Long getSoftTimeLimitMillis() {
        return softTimeLimitMillis;
    }

    void setSoftTimeLimitMillis(Long softTimeLimitMillis) {
        this.softTimeLimitMillis = softTimeLimitMillis;
    }

    /** The hard time limit of each run in milliseconds, or {@code null}. */
    public Long getTimeLimitMillis() {
        return timeLimitMillis;
    }

    void setTimeLimitMillis(Long timeLimitMillis) {
        this.timeLimitMillis = timeLimitMillis;
    }

    /** The worker (node and boot) that runs or last ran the task. */
    public String getRunner() {
        return runner;
    }

    void setRunner(String runner) {
        this.runner = runner;
    }

    /** When the runner last said it still runs the task. */
    public Instant getHeartbeatAt() {
        return heartbeatAt == null ? null : heartbeatAt.toInstant();
    }

    void setHeartbeatAt(Instant heartbeatAt) {
        this.heartbeatAt = heartbeatAt == null ? null : Timestamp.from(heartbeatAt);
    }

    /** When an abort was requested, or {@code null}. */
    public Instant getAbortRequestedAt() {
        return abortRequestedAt == null ? null : abortRequestedAt.toInstant();
    }

    void setAbortRequestedAt(Instant abortRequestedAt) {
        this.abortRequestedAt = abortRequestedAt == null ? null : Timestamp.from(abortRequestedAt);
    }

    /**
     * Every change of state so far (state, time, node, attempt) as a JSON array, oldest first; the REST API serves it
     * at {@code tasks/<id>/history}.
     */
    public String getHistory() {
        return history;
    }

    void setHistory(String history) {
        this.history = history;
    }

    /** The name of the schedule whose run this task is ({@link Periodic}, {@link Schedules}), or {@code null}. */
    public String getScheduleName() {
        return scheduleName;
    }

    void setScheduleName(String scheduleName) {
        this.scheduleName = scheduleName;
    }

    /**
     * The id of the workflow this task is a member of ({@link Workflows}): the id of its root task, the first task of
     * the workflow; {@code null} for a task that is not in a workflow.
     */
    public String getRootId() {
        return rootId;
    }

    void setRootId(String rootId) {
        this.rootId = rootId;
    }

    /**
     * The workflow member whose end released this task (the previous step of a chain, the first member of a chord's
     * group, the task an error callback guards); {@code null} for a workflow's first tasks and outside workflows.
     */
    public String getParentId() {
        return parentId;
    }

    void setParentId(String parentId) {
        this.parentId = parentId;
    }

    /**
     * How many workflow members this {@link TaskState#PENDING} task still waits for; {@code null} outside workflows.
     */
    public Integer getWaitsFor() {
        return waitsFor;
    }

    void setWaitsFor(Integer waitsFor) {
        this.waitsFor = waitsFor;
    }

    /**
     * The workflow links of this task as JSON: the members released when it succeeds ({@code next}), the error
     * callbacks it guards ({@code onError}), and where its first argument comes from ({@code input}).
     */
    public String getLinks() {
        return links;
    }

    void setLinks(String links) {
        this.links = links;
    }
}
