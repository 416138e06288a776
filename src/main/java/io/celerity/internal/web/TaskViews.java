package io.celerity.internal.web;

import io.celerity.api.TaskMeta;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.store.Ownership;
import io.celerity.internal.store.TaskEntityModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns task rows and events into what a caller may see: sensitive values redacted, traces for admins only. */
@ApplicationScoped
public class TaskViews {

    static final String REDACTED = "[redacted]";

    @Inject
    TaskEntityModel model;

    @Inject
    Ownership ownership;

    @Inject
    CelerityConfig config;

    public TaskView of(TaskMeta task, Caller caller) {
        Set<String> sensitive = config.web().sensitiveFields();
        TaskView.Error error = task.getErrorType() == null && task.getErrorMessage() == null ? null
                : new TaskView.Error(task.getErrorType(), task.getErrorMessage(),
                        caller.admin() ? task.getErrorTrace() : null);
        return new TaskView(task.getId(), task.getTaskName(), task.getTaskType(), task.getState(), task.getVersion(),
                ownership.ownerOf(task), task.getQueue(), task.getAttempt(), task.getMaxRetries(), task.getPriority(),
                task.getCreatedAt(), task.getStartedAt(), task.getFinishedAt(), task.getChangedAt(), task.getNode(),
                task.getEta(), task.getExpiresAt(), task.getScheduleName(), task.getAbortRequestedAt() != null,
                json("arguments", task.getArguments(), sensitive), json("result", task.getResult(), sensitive),
                redacted(model.fieldsOf(task)), error, task.getRootId() == null ? null
                        : new TaskView.Workflow(task.getRootId(), task.getParentId(), task.getWaitsFor(),
                        task.getLinks() == null ? null : json("links", task.getLinks(), Set.of())));
    }

    /** Field values with the sensitive ones replaced. */
    public Map<String, Object> redacted(Map<String, Object> fields) {
        Set<String> sensitive = config.web().sensitiveFields();
        if (fields == null || sensitive.isEmpty()) {
            return fields;
        }
        Map<String, Object> shown = new LinkedHashMap<>(fields);
        shown.replaceAll((name, value) -> sensitive.contains(name) && value != null ? REDACTED : value);
        return shown;
    }

    private static JsonValue json(String name, String text, Set<String> sensitive) {
        if (text == null) {
            return JsonValue.NULL;
        }
        if (sensitive.contains(name)) {
            return TaskJson.json().createValue(REDACTED);
        }
        try (JsonReader reader = TaskJson.json().createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            return TaskJson.json().createValue(text);
        }
    }
}
