package io.celerity.internal.web;

import io.celerity.api.TaskEvent;
import io.celerity.api.TaskStateChanged;
import io.celerity.internal.json.TaskJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.Session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The open task sockets and what each one wants; pushes every task event as JSON to the sockets it matches. */
@ApplicationScoped
public class TaskSockets {

    private final Map<Session, Predicate<TaskEvent>> sessions = new ConcurrentHashMap<>();

    void open(Session session, Predicate<TaskEvent> wanted) {
        sessions.put(session, wanted);
    }

    void close(Session session) {
        sessions.remove(session);
    }

    void push(@Observes @TaskStateChanged TaskEvent event) {
        String json = null;
        for (Map.Entry<Session, Predicate<TaskEvent>> entry : sessions.entrySet()) {
            Session session = entry.getKey();
            if (!session.isOpen()) {
                sessions.remove(session);
            } else if (entry.getValue().test(event)) {
                if (json == null) {
                    json = TaskJson.jsonb().toJson(event);
                }
                try {
                    session.getAsyncRemote().sendText(json);
                } catch (RuntimeException e) {
                    sessions.remove(session); // closed meanwhile: the others still get the event
                }
            }
        }
    }
}
