package io.celerity.api;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the CDI event {@link TaskEvent} fired after every committed change of a task, on every node that shares
 * the broker: {@code void on(@Observes @TaskStateChanged TaskEvent event)}. Events of one task may arrive out of
 * order across threads and nodes; order them with {@link TaskEvent#version()}.
 *
 * <p>Qualified by name and state, an observer sees only those events:
 * {@code void failed(@Observes @TaskStateChanged(task = "long-addition", state = TaskState.FAILURE) TaskEvent e)}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface TaskStateChanged {

    /** Only events of the task of this name; empty: every task. */
    @Nonbinding String task() default "";

    /** Only events with this state; empty: every state. */
    @Nonbinding String state() default "";

    /** The literal, to fire or select the event programmatically. */
    final class Literal extends AnnotationLiteral<TaskStateChanged> implements TaskStateChanged {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;

        @Override
        public String task() {
            return "";
        }

        @Override
        public String state() {
            return "";
        }
    }
}
