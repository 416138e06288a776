package io.celerity.internal.workflow;

import io.celerity.internal.json.TaskJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A workflow task's links, stored as JSON in its {@code links} column: the tasks its end releases or skips
 * ({@code next}), the error callbacks it guards ({@code onError}), and what it receives as its first argument
 * ({@code input}: a task id, or a list of them, nested as the groups are) or whether it receives a failure.
 *
 * @param input what it receives, by task id; {@code null}: nothing (a first task, an immutable signature)
 */
record Links(List<String> next, List<String> onError, Output input, boolean receivesFailure) {

    Links {
        next = List.copyOf(next);
        onError = List.copyOf(onError);
    }

    String write() {
        JsonObjectBuilder json = TaskJson.json().createObjectBuilder();
        if (!next.isEmpty()) {
            json.add("next", ids(next));
        }
        if (!onError.isEmpty()) {
            json.add("onError", ids(onError));
        }
        if (input != null) {
            json.add("input", template(input));
        }
        if (receivesFailure) {
            json.add("failure", true);
        }
        return json.build().toString();
    }

    /** The links stored as {@code text}; none for {@code null}. */
    static Links read(String text) {
        if (text == null) {
            return new Links(List.of(), List.of(), null, false);
        }
        try (JsonReader reader = TaskJson.json().createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            return new Links(ids(json.getJsonArray("next")), ids(json.getJsonArray("onError")),
                    json.containsKey("input") ? output(json.get("input")) : null, json.getBoolean("failure", false));
        }
    }

    private static JsonArrayBuilder ids(List<String> ids) {
        JsonArrayBuilder array = TaskJson.json().createArrayBuilder();
        ids.forEach(array::add);
        return array;
    }

    private static List<String> ids(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonString::getString);
    }

    private static JsonValue template(Output output) {
        if (output instanceof Output.One<?> one) {
            return TaskJson.json().createValue((String) one.task());
        }
        JsonArrayBuilder items = TaskJson.json().createArrayBuilder();
        ((Output.Many) output).items().forEach(item -> items.add(template(item)));
        return items.build();
    }

    private static Output output(JsonValue json) {
        if (json instanceof JsonString id) {
            return new Output.One<>(id.getString());
        }
        List<Output> items = new ArrayList<>();
        json.asJsonArray().forEach(item -> items.add(output(item)));
        return new Output.Many(items);
    }
}
