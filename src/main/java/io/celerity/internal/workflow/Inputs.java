package io.celerity.internal.workflow;

import io.celerity.api.TaskMeta;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a workflow task being released: its own, with what it receives in the first place — the stored
 * results (JSON as they are, so each keeps its exact form) of the tasks it follows, or the failure an error callback
 * guards against.
 */
@ApplicationScoped
class Inputs {

    @Inject
    TaskStore store;

    /** The arguments, or why they cannot be written. */
    record Arguments(String json, String problem) {
    }

    Arguments resultsFor(TaskMeta task) {
        Links links = Links.read(task.getLinks());
        if (links.input() == null) {
            return new Arguments(task.getArguments(), null);
        }
        List<String> ids = links.input().tasks();
        Map<String, TaskMeta> rows = store.findHere(ids);
        StringBuilder value = new StringBuilder();
        String gone = write(links.input(), rows, value);
        if (gone != null) {
            return new Arguments(null, "the row of task " + gone + ", whose result it receives, is gone (deleted by "
                    + "retention or by hand)");
        }
        return withFirst(task.getArguments(), value.toString());
    }

    Arguments failureFor(TaskMeta errback, TaskMeta failed) {
        if (!Links.read(errback.getLinks()).receivesFailure()) {
            return new Arguments(errback.getArguments(), null);
        }
        String failure = TaskJson.json().createObjectBuilder()
                .add("taskId", failed.getId())
                .add("taskName", failed.getTaskName())
                .add("errorType", failed.getErrorType() == null ? "" : failed.getErrorType())
                .add("errorMessage", failed.getErrorMessage() == null ? "" : failed.getErrorMessage())
                .build().toString();
        return withFirst(errback.getArguments(), failure);
    }

    /** @return the id of a task whose row is gone (retention deleted it), else {@code null} */
    private static String write(Output input, Map<String, TaskMeta> rows, StringBuilder json) {
        if (input instanceof Output.One<?> one) {
            TaskMeta row = rows.get((String) one.task());
            if (row == null) {
                return (String) one.task();
            }
            json.append(row.getResult() == null ? "null" : row.getResult());
            return null;
        }
        json.append('[');
        List<Output> items = ((Output.Many) input).items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            String gone = write(items.get(i), rows, json);
            if (gone != null) {
                return gone;
            }
        }
        json.append(']');
        return null;
    }

    /** The arguments with their first replaced by {@code value} (a JSON text). */
    static Arguments withFirst(String arguments, String value) {
        JsonArray array;
        try (JsonReader reader = TaskJson.json().createReader(new StringReader(arguments))) {
            array = reader.readArray();
        }
        StringBuilder json = new StringBuilder("[").append(value);
        for (int i = 1; i < array.size(); i++) {
            json.append(',').append(array.get(i).toString());
        }
        json.append(']');
        if (json.length() > TaskMeta.MAX_TEXT) {
            return new Arguments(null, "the arguments would be " + json.length() + " characters long, more than a "
                    + "task row holds (" + TaskMeta.MAX_TEXT + ")");
        }
        return new Arguments(json.toString(), null);
    }
}
