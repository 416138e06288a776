package io.celerity.internal.store;

import io.celerity.internal.json.TaskJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's changes of state, kept on its row as a JSON array so that they live and die with the task. The first
 * change and the latest {@value #KEPT} are kept: a task that loops through custom states cannot grow it for ever.
 * Appending is on every worker's path, so it adds the new entry to the text as it is and parses the array only when
 * it may have grown past the limit.
 */
public final class StateHistory {

    static final int KEPT = 100;
    /** Shorter than {@value #KEPT} + 1 entries can be: below it, no trimming is needed. */
    private static final int SAFE_LENGTH = (KEPT + 1) * 40;

    private StateHistory() {
    }

    /** One change: the state entered, when, on which node, during which attempt. */
    public record Entry(String state, Instant at, String node, int attempt) {

        JsonObject json() {
            return TaskJson.json().createObjectBuilder().add("state", state).add("at", at.toString())
                    .add("node", node == null ? "" : node).add("attempt", attempt).build();
        }
    }

    /** The history with one more change. */
    public static String append(String history, Entry entry) {
        String added = entry.json().toString();
        if (history == null || !history.endsWith("]") || history.length() < 2) {
            return "[" + added + "]";
        }
        String appended = history.length() == 2 ? "[" + added + "]"
                : history.substring(0, history.length() - 1) + "," + added + "]";
        return appended.length() < SAFE_LENGTH ? appended : trimmed(appended);
    }

    private static String trimmed(String history) {
        JsonArray entries = array(history);
        if (entries.size() <= KEPT + 1) {
            return history;
        }
        JsonArrayBuilder kept = TaskJson.json().createArrayBuilder().add(entries.get(0));
        entries.subList(entries.size() - KEPT, entries.size()).forEach(kept::add);
        return kept.build().toString();
    }

    /** The changes, oldest first; none for a missing or unreadable history. */
    public static List<Entry> read(String history) {
        List<Entry> entries = new ArrayList<>();
        for (JsonValue value : array(history)) {
            try {
                JsonObject entry = value.asJsonObject();
                entries.add(new Entry(entry.getString("state"), Instant.parse(entry.getString("at")),
                        entry.getString("node", null), entry.getInt("attempt", 0)));
            } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
                return List.of();
            }
        }
        return entries;
    }

    private static JsonArray array(String history) {
        if (history == null || history.isBlank()) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        try (JsonReader reader = TaskJson.json().createReader(new StringReader(history))) {
            return reader.readArray();
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
    }
}
