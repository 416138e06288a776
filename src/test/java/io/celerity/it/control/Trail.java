package io.celerity.it.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the task bodies and handlers did, for the tests to check; and gates that hold bodies until released. */
@ApplicationScoped
public class Trail {

    private final List<String> entries = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, Integer> runs = new ConcurrentHashMap<>();

    public void add(String entry) {
        entries.add(entry);
    }

    public boolean has(String entry) {
        return entries.contains(entry);
    }

    public List<String> startingWith(String prefix) {
        return entries.stream().filter(e -> e.startsWith(prefix)).toList();
    }

    /** Counts a run of the body for this key; returns the count including this one. */
    public int run(String key) {
        return runs.merge(key, 1, Integer::sum);
    }

    public int runs(String key) {
        return runs.getOrDefault(key, 0);
    }

    public boolean awaitGate(String key, long seconds) throws InterruptedException {
        return gates.computeIfAbsent(key, k -> new CountDownLatch(1)).await(seconds, TimeUnit.SECONDS);
    }

    public void open(String key) {
        gates.computeIfAbsent(key, k -> new CountDownLatch(1)).countDown();
    }
}
