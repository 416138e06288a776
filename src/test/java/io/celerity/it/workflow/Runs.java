package io.celerity.it.workflow;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the workflow tasks received, by marker, in the order they ran. */
@ApplicationScoped
public class Runs {

    private final Map<String, List<Object>> received = new ConcurrentHashMap<>();

    public void record(String marker, Object value) {
        received.computeIfAbsent(marker, m -> new CopyOnWriteArrayList<>()).add(value == null ? "null" : value);
    }

    public List<Object> of(String marker) {
        return received.getOrDefault(marker, List.of());
    }
}
