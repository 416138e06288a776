package io.celerity.api;

import jakarta.enterprise.util.AnnotationLiteral;
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
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface TaskStateChanged {

    /** The literal, to fire or select the event programmatically. */
    final class Literal extends AnnotationLiteral<TaskStateChanged> implements TaskStateChanged {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
