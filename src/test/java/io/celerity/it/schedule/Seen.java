package io.celerity.it.schedule;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The runs each marker had, by task id, in order. */
@ApplicationScoped
public class Seen {

    private final Map<String, List<String>> runs = new ConcurrentHashMap<>();

    public void record(String marker, String taskId) {
        runs.computeIfAbsent(marker, m -> new CopyOnWriteArrayList<>()).add(taskId);
    }

    public List<String> runs(String marker) {
        return runs.getOrDefault(marker, List.of());
    }
}
