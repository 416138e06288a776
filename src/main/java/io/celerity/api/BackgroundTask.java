package io.celerity.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns every call of a CDI or EJB business method into a background task.
 *
 * <p>The call returns at once: the task is recorded in the {@link TaskMeta} table in state {@link TaskState#QUEUED}
 * and a message is sent to the task queue; a message-driven bean of the library runs the method body later, on any
 * node that shares the broker. Inside a JTA transaction the row and the message commit or roll back with the caller's
 * transaction; outside one the enqueue is a transaction of its own.
 *
 * <h2>Allowed signatures</h2>
 * <ul>
 *     <li>Return type {@code void} or {@link TaskHandle TaskHandle&lt;T&gt;}. The body returns its result with
 *     {@link TaskHandle#completed(Object)}; the caller gets a handle on the stored task.</li>
 *     <li>Parameters and {@code T} must round-trip through JSON-B: primitives and their wrappers, strings, numbers,
 *     enums, {@code java.time} types, {@code UUID}, records, classes with a public no-argument constructor, and
 *     lists, sets, maps with string keys and arrays of these. Anything else fails the deployment.</li>
 * </ul>
 * A checked or unchecked exception thrown by the body marks the task {@link TaskState#FAILURE}; the caller sees it
 * as a {@link TaskFailedException} from {@link TaskHandle#get(java.time.Duration)}.
 *
 * <p>Members are defaults: per-call options are given with {@link Tasks#with(TaskOptions)}, and the MicroProfile
 * Config keys {@code celerity.task."<name>".<option>} (such as {@code max-retries}, {@code rate-limit}) override
 * the annotation for every call (docs/configuration.adoc). All members are {@link Nonbinding}. On a class, every
 * public method of the class is a task.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BackgroundTask {

    /** The task name; default: the fully qualified class name, '.', the method name. Unique in the application. */
    @Nonbinding String name() default "";

    /** The task type, a label stored in {@link TaskMeta#getTaskType()}; the task entity may constrain its values (AsyncTask's {@code task_type}). */
    @Nonbinding String type() default "";

    /**
     * Default values of entity fields, each as {@code "field=value"}; the value is converted to the field's type
     * (numbers, booleans, enums, strings). Per-call fields override them.
     */
    @Nonbinding String[] fields() default {};

    /** The queue the task is sent to. */
    @Nonbinding String queue() default DEFAULT_QUEUE;

    /**
     * How many times a failed run is retried before the task ends {@link TaskState#FAILURE}; {@code 0}: never.
     * Between attempts the task is {@link TaskState#RETRY}, with the attempt number and the last error recorded.
     */
    @Nonbinding int maxRetries() default 0;

    /** The delay before a retry, such as {@code "500ms"}, {@code "10s"}, {@code "5m"}, {@code "1h"} or ISO-8601. */
    @Nonbinding String retryDelay() default "1s";

    /** Doubles the retry delay at each attempt (exponential backoff), up to {@link #retryBackoffMax()}. */
    @Nonbinding boolean retryBackoff() default false;

    /** The longest delay between two attempts when backing off. */
    @Nonbinding String retryBackoffMax() default "10m";

    /** With backoff, draws each delay at random between zero and the backed-off delay (full jitter). */
    @Nonbinding boolean retryJitter() default true;

    /** The exceptions that lead to a retry (and their subclasses). */
    @Nonbinding Class<? extends Throwable>[] retryOn() default Exception.class;

    /** The exceptions that never lead to a retry, even when they match {@link #retryOn()}. */
    @Nonbinding Class<? extends Throwable>[] dontRetryOn() default {};

    /**
     * A task not started this long after its enqueue ends {@link TaskState#EXPIRED} and its body never runs;
     * empty: never expires.
     */
    @Nonbinding String expires() default "";

    /** The message priority, 0 (lowest) to 9 (highest); waiting tasks of higher priority are delivered first. */
    @Nonbinding int priority() default DEFAULT_PRIORITY;

    /**
     * After this long a run is interrupted and its next {@link TaskContext} call throws {@link SoftTimeLimitExceeded},
     * which it may catch to clean up; empty: no soft limit.
     */
    @Nonbinding String softTimeLimit() default "";

    /**
     * After this long a run ends {@link TaskState#FAILURE} with a time-limit reason; its thread is interrupted and
     * abandoned, and the worker goes on with other tasks. Empty: no hard limit.
     */
    @Nonbinding String timeLimit() default "";

    /**
     * At most so many starts of this task, across all nodes: {@code "10/s"}, {@code "100/m"}, {@code "1000/h"}.
     * Tasks over the limit wait (QUEUED), they don't fail. Empty: no limit.
     */
    @Nonbinding String rateLimit() default "";

    /** What happens when the node running the task dies or stalls past the lease. */
    @Nonbinding WorkerLost onWorkerLost() default WorkerLost.RUN_AGAIN;

    /** The JMS default priority. */
    int DEFAULT_PRIORITY = 4;

    /** The name of the default task queue. */
    String DEFAULT_QUEUE = "celerity.tasks";
}
