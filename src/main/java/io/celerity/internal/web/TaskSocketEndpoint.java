package io.celerity.internal.web;

import io.celerity.api.TaskEvent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.util.List;
import java.util.function.Predicate;

/**
 * {@code /celerity/tasks}: every task change as a JSON {@link TaskEvent}, from whichever node made it. Query
 * parameters narrow the feed: {@code task=<id>} for one task, {@code name=<task name>} for one kind of task.
 */
@ServerEndpoint("/celerity/tasks")
public class TaskSocketEndpoint {

    @Inject
    TaskSockets sockets;

    @OnOpen
    public void open(Session session) {
        sockets.open(session, filter(session));
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        sockets.close(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        sockets.close(session);
    }

    private static Predicate<TaskEvent> filter(Session session) {
        Predicate<TaskEvent> wanted = event -> true;
        List<String> ids = session.getRequestParameterMap().get("task");
        if (ids != null && !ids.isEmpty()) {
            wanted = wanted.and(event -> ids.contains(event.id()));
        }
        List<String> names = session.getRequestParameterMap().get("name");
        if (names != null && !names.isEmpty()) {
            wanted = wanted.and(event -> names.contains(event.task()));
        }
        return wanted;
    }
}
