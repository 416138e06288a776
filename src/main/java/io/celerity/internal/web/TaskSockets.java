package io.celerity.internal.web;

import io.celerity.api.TaskEvent;
import io.celerity.api.TaskStateChanged;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.message.WebMessage;
import io.celerity.internal.store.Ownership;
import io.celerity.internal.store.TaskEntityModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open task sockets: each gets a snapshot of its subscription, then the changes it may see, in order. Another
 * owner's task never reaches a socket, whatever it subscribed to.
 */
@ApplicationScoped
public class TaskSockets {

    private static final Logger LOG = Logger.getLogger(TaskSockets.class.getName());

    /** Celerity's columns that events carry; the application's fields come with every event as well. */
    private static final Set<String> EVENT_COLUMNS = Set.of("id", "taskName", "state", "node", "rootId");

    private final Map<Session, Subscriber> subscribers = new ConcurrentHashMap<>();

    @Inject
    TaskBrowser browser;

    @Inject
    TaskViews views;

    @Inject
    Ownership ownership;

    @Inject
    TaskEntityModel model;

    @Inject
    CelerityConfig config;

    void open(Session session, Caller caller) {
        TaskFilter filter;
        try {
            filter = subscription(session, caller);
        } catch (ApiProblem refused) {
            refuse(session, refused.getMessage());
            return;
        }
        Subscriber subscriber = new Subscriber(session, caller, filter);
        subscribers.put(session, subscriber);
        TaskBrowser.Page snapshot;
        try {
            snapshot = browser.list(filter, caller);
        } catch (RuntimeException e) {
            subscribers.remove(session);
            LOG.log(Level.WARNING, WebMessage.SNAPSHOT_FAILED.format(), e);
            close(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "the snapshot failed; try again");
            return;
        }
        long ids = ids(filter);
        if (ids > 0 && snapshot.total() < ids) {
            subscribers.remove(session);
            refuse(session, "no such task");
            return;
        }
        subscriber.live(TaskJson.jsonb().toJson(new Snapshot("snapshot",
                snapshot.tasks().stream().map(task -> views.of(task, caller)).toList(), snapshot.total())));
    }

    void close(Session session) {
        subscribers.remove(session);
    }

    void push(@Observes @TaskStateChanged TaskEvent event) {
        String json = null;
        for (Subscriber subscriber : subscribers.values()) {
            if (!subscriber.session.isOpen()) {
                subscribers.remove(subscriber.session);
            } else if (subscriber.caller.sees(event.owner()) && matches(subscriber.filter, event)) {
                if (json == null) {
                    json = TaskJson.jsonb().toJson(new Change("change", redacted(event)));
                }
                if (!subscriber.send(json)) {
                    subscribers.remove(subscriber.session);
                    LOG.info(() -> WebMessage.SLOW_SOCKET_CLOSED.format(subscriber.caller.name(),
                            Subscriber.MAX_PENDING));
                    close(subscriber.session, CloseReason.CloseCodes.TRY_AGAIN_LATER,
                            "too slow: more than " + Subscriber.MAX_PENDING + " changes waiting");
                }
            }
        }
    }

    /** The socket's filter: the REST list's, on the columns events carry, and never on someone else's tasks. */
    private TaskFilter subscription(Session session, Caller caller) {
        if (caller == null) {
            throw ApiProblem.badRequest("not authenticated");
        }
        Map<String, List<String>> query = new HashMap<>(session.getRequestParameterMap());
        query.remove(TaskSocketEndpoint.TICKET);
        Set<String> application = model.fieldNames();
        if (query.containsKey(TaskFilter.SEARCH)) {
            throw ApiProblem.badRequest("the feed cannot search task names and arguments (events carry no "
                    + "arguments): subscribe without '" + TaskFilter.SEARCH + "', and list again as changes come");
        }
        for (String key : query.keySet()) {
            String column = key.split("\\.", 2)[0];
            if (!TaskFilter.RESERVED.contains(key) && !EVENT_COLUMNS.contains(column) && !application.contains(column)) {
                throw ApiProblem.badRequest("the feed cannot filter on '" + key + "': it filters on " + EVENT_COLUMNS
                        + " and " + application);
            }
        }
        TaskFilter filter = TaskFilter.parse(query, browser.columns(), config.web().sortable(),
                config.web().maxPageSize());
        if (!caller.admin()) {
            for (TaskFilter.Condition condition : filter.conditions()) {
                if (condition.column().name().equals(ownership.field()) && (!ownership.comparesField()
                        || condition.values().stream().anyMatch(value -> !caller.sees(String.valueOf(value))))) {
                    throw ApiProblem.badRequest("you may watch your own tasks only; the feed holds nothing else, "
                            + "so leave out the owner filter");
                }
            }
        }
        return filter;
    }

    /** How many distinct tasks a subscription names by id; each must exist and be the caller's. */
    private static long ids(TaskFilter filter) {
        return filter.conditions().stream()
                .filter(c -> c.column().name().equals("id") && c.operator() == TaskFilter.Operator.IS)
                .flatMap(c -> c.values().stream()).distinct().count();
    }

    /** A deletion reaches every subscriber whose filter held the task, whatever its last state was. */
    private static boolean matches(TaskFilter filter, TaskEvent event) {
        return TaskEvent.DELETED.equals(event.state()) ? filter.testBesides("state", values(event))
                : filter.test(values(event));
    }

    private static Map<String, Object> values(TaskEvent event) {
        Map<String, Object> values = new LinkedHashMap<>(event.fields() == null ? Map.of() : event.fields());
        values.put("id", event.id());
        values.put("taskName", event.task());
        values.put("state", event.state());
        values.put("node", event.node());
        values.put("rootId", event.rootId());
        return values;
    }

    private TaskEvent redacted(TaskEvent event) {
        return new TaskEvent(event.id(), event.task(), event.state(), event.version(), event.changedAt(),
                event.node(), views.redacted(event.fields()), event.owner(), event.errorType(), event.errorMessage(),
                event.rootId());
    }

    private static void refuse(Session session, String reason) {
        close(session, CloseReason.CloseCodes.VIOLATED_POLICY, reason);
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        String phrase = bytes.length <= 120 ? reason : new String(bytes, 0, 120, StandardCharsets.UTF_8);
        try {
            session.close(new CloseReason(code, phrase));
        } catch (IOException e) {
            LOG.fine(() -> WebMessage.SOCKET_NOT_CLOSED.format(e));
        }
    }

    /** The first message of a socket: the matching tasks (a page, newest first) and how many match in all. */
    public record Snapshot(String type, List<TaskView> tasks, long total) {
    }

    /** Every later message: one committed change. */
    public record Change(String type, TaskEvent task) {
    }

    /**
     * One socket: its caller, its filter, and the changes held back until its snapshot is out. A client that does
     * not keep up is dropped rather than buffered without end.
     */
    private static final class Subscriber {

        static final int MAX_PENDING = 1000;

        private final Session session;
        private final Caller caller;
        private final TaskFilter filter;
        private final AtomicInteger pending = new AtomicInteger();
        private List<String> held = new ArrayList<>();

        Subscriber(Session session, Caller caller, TaskFilter filter) {
            this.session = session;
            this.caller = caller;
            this.filter = filter;
        }

        /** Sends or holds a change; {@code false} when the client is too far behind. */
        synchronized boolean send(String json) {
            if (pending.get() + (held == null ? 0 : held.size()) >= MAX_PENDING) {
                return false;
            }
            if (held != null) {
                held.add(json);
            } else {
                sendNow(json);
            }
            return true;
        }

        synchronized void live(String snapshot) {
            sendNow(snapshot);
            held.forEach(this::sendNow);
            held = null;
        }

        private void sendNow(String json) {
            pending.incrementAndGet();
            try {
                session.getAsyncRemote().sendText(json, result -> pending.decrementAndGet());
            } catch (RuntimeException e) {
                pending.decrementAndGet();
                LOG.fine(() -> WebMessage.SOCKET_CLOSED_WHILE_SENDING.format(e));
            }
        }
    }
}
