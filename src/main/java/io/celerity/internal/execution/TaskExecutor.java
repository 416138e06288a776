package io.celerity.internal.execution;

import io.celerity.api.CelerityException;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.internal.CelerityExtension;
import io.celerity.internal.dispatch.Messaging;
import io.celerity.internal.dispatch.TaskMessage;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.store.TaskStore;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Message;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one delivered task message: decides from the task row whether to run (a finished task is never run again),
 * records STARTED, calls the bean, records the result or the failure. Messages that can never be processed go to
 * the dead-letter queue with their task marked FAILURE.
 */
@ApplicationScoped
public class TaskExecutor {

    private static final Logger LOG = Logger.getLogger(TaskExecutor.class.getName());

    /** How long a missing row is awaited before the message is handed back to the broker. */
    private static final int MISSING_ROW_ATTEMPTS = 20;
    private static final long MISSING_ROW_PAUSE_MILLIS = 100;

    @Inject
    CelerityExtension extension;

    @Inject
    TaskStore store;

    @Inject
    TaskBeans beans;

    @Inject
    Messaging messaging;

    public void execute(Message message) {
        TaskMessage task;
        try {
            task = TaskMessage.read(message);
        } catch (TaskMessage.MalformedTaskMessage e) {
            poison(message, e.taskId(), e.getMessage());
            return;
        }
        Optional<TaskDefinition> definition = extension.registry().byName(task.task());
        if (definition.isEmpty()) {
            poison(message, task.id(), "CELERITY-0205: unknown task '" + task.task()
                    + "': no @BackgroundTask of this application has that name");
            return;
        }
        TaskStore.Change started = start(task.id());
        switch (started.outcome()) {
            // with XA the broker may commit before the database: let the broker deliver it again, later
            case MISSING -> throw new IllegalStateException("CELERITY-0206: no task row with id " + task.id()
                    + " yet; the broker delivers the message again and dead-letters it after its last attempt");
            case REFUSED -> LOG.fine(() -> "CELERITY-0209: task " + task.id() + " is " + started.state()
                    + "; the message is dropped");
            case CHANGED -> run(message, definition.get(), started.task());
        }
    }

    private TaskStore.Change start(String id) {
        for (int attempt = 1; ; attempt++) {
            TaskStore.Change change = store.transition(id, TaskState.STARTED, task -> task.setStartedAt(task.getChangedAt()));
            if (change.outcome() != TaskStore.Change.Outcome.MISSING || attempt == MISSING_ROW_ATTEMPTS) {
                return change;
            }
            try {
                Thread.sleep(MISSING_ROW_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return change;
            }
        }
    }

    private void run(Message message, TaskDefinition definition, TaskMeta task) {
        Object[] args;
        try {
            args = TaskJson.readArguments(task.getArguments(), definition.parameterTypes());
        } catch (CelerityException e) {
            poison(message, task.getId(), e.getMessage());
            return;
        }
        Object returned;
        RunningTask.enter(task.getId(), definition.name(), definition.method());
        TaskBeans.Reference bean = null;
        try {
            bean = beans.reference(definition);
            returned = definition.method().invoke(bean.instance(), args);
        } catch (InvocationTargetException e) {
            failed(task.getId(), cause(e.getCause()));
            return;
        } catch (IllegalAccessException | RuntimeException e) {
            failed(task.getId(), e);
            return;
        } finally {
            RunningTask.exit();
            if (bean != null) {
                bean.release();
            }
        }
        String result;
        try {
            result = definition.resultType() != null
                    ? TaskJson.writeValue(definition.name(), "the result", unwrap(definition, returned), definition.resultType())
                    : null;
        } catch (RuntimeException e) {
            failed(task.getId(), e);
            return;
        }
        // a store failure here propagates: the broker delivers the message again (at-least-once)
        finish(task.getId(), TaskState.SUCCESS, meta -> meta.setResult(result));
    }

    /** The application's exception, not the EJB container's wrapper around it. */
    private static Throwable cause(Throwable error) {
        Throwable cause = error;
        while (cause instanceof EJBException ejb && ejb.getCause() != null) {
            cause = ejb.getCause();
        }
        return cause;
    }

    private static Object unwrap(TaskDefinition definition, Object returned) {
        if (returned == null) {
            return null;
        }
        if (returned instanceof TaskHandle.CompletedResult<?> completed) {
            return completed.value();
        }
        throw new CelerityException("CELERITY-0207: task " + definition.name() + " returned " + returned
                + "; a task body returns its result with TaskHandle.completed(value)");
    }

    private void failed(String id, Throwable error) {
        LOG.log(Level.FINE, "CELERITY-0210: task " + id + " failed", error);
        finish(id, TaskState.FAILURE, meta -> {
            meta.setErrorType(error.getClass().getName());
            meta.setErrorMessage(truncate(error.getMessage()));
            meta.setErrorTrace(stackTrace(error));
        });
    }

    private void finish(String id, String state, java.util.function.Consumer<TaskMeta> change) {
        TaskStore.Change finished = store.transition(id, state, change);
        if (!finished.changed()) {
            LOG.warning(() -> "CELERITY-0211: task " + id + " could not end " + state + ": it is " + finished.state());
        }
    }

    private void poison(Message message, String id, String reason) {
        LOG.warning(() -> "CELERITY-0212: message sent to the dead-letter queue: " + reason);
        if (id != null) {
            store.transition(id, TaskState.FAILURE, meta -> {
                meta.setErrorType(CelerityException.class.getName());
                meta.setErrorMessage(truncate(reason));
            });
        }
        messaging.deadLetter(message, reason);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
