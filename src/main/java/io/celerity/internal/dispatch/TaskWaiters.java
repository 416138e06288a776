package io.celerity.internal.dispatch;

import io.celerity.api.TaskEvent;
import io.celerity.api.TaskStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Wakes the threads waiting in {@link StoredTaskHandle#get} when their task ends, on whichever node it ran. */
@ApplicationScoped
public class TaskWaiters {

    private final Map<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<Void> register(String id) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiting.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(future);
        return future;
    }

    void unregister(String id, CompletableFuture<Void> future) {
        waiting.computeIfPresent(id, (key, futures) -> {
            futures.remove(future);
            return futures.isEmpty() ? null : futures;
        });
    }

    void changed(@Observes @TaskStateChanged TaskEvent event) {
        if (event.isTerminal() || TaskEvent.DELETED.equals(event.state())) {
            Set<CompletableFuture<Void>> futures = waiting.get(event.id());
            if (futures != null) {
                futures.forEach(future -> future.complete(null));
            }
        }
    }
}
