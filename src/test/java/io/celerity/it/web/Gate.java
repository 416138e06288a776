package io.celerity.it.web;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Holds slow tasks until a test opens their gate. */
@ApplicationScoped
public class Gate {

    private final Set<String> open = ConcurrentHashMap.newKeySet();

    public void open(String key) {
        open.add(key);
    }

    public boolean isOpen(String key) {
        return open.contains(key);
    }
}
