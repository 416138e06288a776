package io.celerity.it.app;

import io.celerity.api.TaskEvent;
import io.celerity.api.TaskStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every @TaskStateChanged event this node observed. */
@ApplicationScoped
public class EventLog {

    private final List<TaskEvent> events = new CopyOnWriteArrayList<>();

    void observe(@Observes @TaskStateChanged TaskEvent event) {
        events.add(event);
    }

    /** The events of one task in version order. */
    public List<TaskEvent> of(String taskId) {
        return events.stream().filter(e -> e.id().equals(taskId))
                .sorted(Comparator.comparingLong(TaskEvent::version)).toList();
    }
}
