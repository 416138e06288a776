package io.celerity.it.app;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Counts how often each task body ran, by task id, and keeps the argument markers seen. */
@ApplicationScoped
public class Invocations {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final List<String> markers = new CopyOnWriteArrayList<>();

    public void record(String taskId, String marker) {
        counts.merge(taskId, 1, Integer::sum);
        markers.add(marker);
    }

    public int count(String taskId) {
        return counts.getOrDefault(taskId, 0);
    }

    public boolean sawMarker(String marker) {
        return markers.contains(marker);
    }
}
