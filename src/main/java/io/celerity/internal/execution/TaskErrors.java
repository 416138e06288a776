package io.celerity.internal.execution;

import io.celerity.api.CelerityException;
import io.celerity.internal.store.TaskWrite;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

/** How an error is recorded in a task's error columns. */
final class TaskErrors {

    private TaskErrors() {
    }

    static Consumer<TaskWrite> errorOf(Throwable error) {
        if (error == null) {
            return write -> { };
        }
        String type = error instanceof TimeLimitExceeded ? CelerityException.class.getName() : error.getClass().getName();
        String trace = error instanceof TimeLimitExceeded ? null : stackTrace(error);
        return write -> write.error(type, error.getMessage(), trace);
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
