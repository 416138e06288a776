package io.celerity.internal.store;

import io.celerity.internal.json.TaskJson;
import jakarta.json.bind.JsonbException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's changes of state, kept on its row as a JSON array so that they live and die with the task. The first
 * change and the latest {@value #KEPT} are kept: a task that loops through custom states cannot grow it for ever.
 */
public final class StateHistory {

    static final int KEPT = 100;

    private StateHistory() {
    }

    /** One change: the state entered, when, on which node, during which attempt. */
    public record Entry(String state, Instant at, String node, int attempt) {
    }

    /** The history with one more change. */
    public static String append(String history, Entry entry) {
        List<Entry> entries = new ArrayList<>(read(history));
        entries.add(entry);
        if (entries.size() > KEPT + 1) {
            entries.subList(1, entries.size() - KEPT).clear();
        }
        return TaskJson.jsonb().toJson(entries);
    }

    /** The changes, oldest first; none for a missing or unreadable history. */
    public static List<Entry> read(String history) {
        if (history == null || history.isBlank()) {
            return List.of();
        }
        try {
            Entry[] entries = TaskJson.jsonb().fromJson(history, Entry[].class);
            return entries == null ? List.of() : List.of(entries);
        } catch (JsonbException e) {
            return List.of();
        }
    }
}
