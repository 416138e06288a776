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
 * <p>Members are defaults: per-call fields are given with {@link Tasks#with(java.util.Map)}.
 * All members are {@link Nonbinding}. On a class, every public method of the class is a task.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BackgroundTask {

    /** The task name; default: the fully qualified class name, '.', the method name. Unique in the application. */
    @Nonbinding String name() default "";

    /** The task type, a free label stored in {@link TaskMeta#getType()} (AsyncTask's {@code task_type}). */
    @Nonbinding String type() default "";

    /**
     * Default values of entity fields, each as {@code "field=value"}; the value is converted to the field's type
     * (numbers, booleans, enums, strings). Per-call fields override them.
     */
    @Nonbinding String[] fields() default {};

    /** The queue the task is sent to. */
    @Nonbinding String queue() default DEFAULT_QUEUE;

    /** The name of the default task queue. */
    String DEFAULT_QUEUE = "celerity.tasks";
}
