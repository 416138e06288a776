package io.celerity.internal.execution;

import io.celerity.api.SoftTimeLimitExceeded;
import io.celerity.api.TaskContext;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskNotFoundException;
import io.celerity.api.TaskOptions;
import io.celerity.api.TaskState;
import io.celerity.internal.message.ApiUseMessage;
import io.celerity.internal.store.GroupCommit;
import io.celerity.internal.store.TaskEntityModel;
import io.celerity.internal.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.Set;

/** The injectable {@link TaskContext}: every update is a committed change of its own. */
@ApplicationScoped
public class TaskContextBean implements TaskContext {

    private static final Set<String> RESERVED = Set.of(TaskState.QUEUED, TaskState.SCHEDULED, TaskState.RETRY,
            TaskState.SUCCESS, TaskState.FAILURE, TaskState.REVOKED, TaskState.ABORTED, TaskState.EXPIRED);

    @Inject
    GroupCommit commits;

    @Inject
    TaskStore store;

    @Inject
    TaskEntityModel model;

    @Override
    public boolean isActive() {
        return RunningTask.current().isPresent();
    }

    @Override
    public String id() {
        return running().id();
    }

    @Override
    public String name() {
        return running().name();
    }

    @Override
    public int attempt() {
        return running().run().attempt();
    }

    @Override
    public boolean isAborted() {
        return running().run().checkAborted();
    }

    @Override
    public void update(String state, Map<String, ?> fields) {
        RunningTask running = running();
        String softLimit = running.run().reportSoftLimit();
        if (softLimit != null) {
            throw new SoftTimeLimitExceeded(softLimit);
        }
        if (state != null && RESERVED.contains(state)) {
            throw new IllegalArgumentException(ApiUseMessage.STATE_NOT_SETTABLE.format(state));
        }
        TaskStore.Change change = commits.update(running.id(), running.run().claim(), state, fields);
        if (!change.changed()) {
            throw new IllegalStateException(ApiUseMessage.NOT_UPDATABLE.format(running.id(), change.state()));
        }
        running.run().committed(change.task());
    }

    @Override
    public <E extends TaskMeta> void update(String state, Class<E> entity, Consumer<? super E> fields) {
        TaskOptions typed = TaskOptions.none().set(entity, fields);
        String id = running().id();
        // two copies: a change the consumer makes inside a field's value (a Date, an embeddable) shows against the other
        Map<String, Object> before = model.fieldsOf(committed(id));
        TaskMeta copy = committed(id);
        typed.typedFields().accept(copy);
        model.checkStored(copy);
        Map<String, Object> changed = new LinkedHashMap<>();
        model.fieldsOf(copy).forEach((name, value) -> {
            if (!Objects.equals(before.get(name), value)) {
                changed.put(name, value);
            }
        });
        update(state, changed);
    }

    private TaskMeta committed(String id) {
        return store.findCommitted(id).orElseThrow(() -> new TaskNotFoundException(id));
    }

    private static RunningTask running() {
        return RunningTask.current().orElseThrow(() -> new IllegalStateException(
                ApiUseMessage.OUTSIDE_A_TASK_BODY.format()));
    }
}
