package io.celerity.internal.web;

import io.celerity.internal.json.TaskJson;
import io.celerity.internal.store.NodeTable;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A node as the REST API shows it: when it started and last beat, whether it is lost (no heartbeat for a lease), its
 * version, its workers per queue ({@code concurrency}, {@code busy}) and the tasks it runs.
 */
public record NodeView(String name, String runner, String version, Instant startedAt, Instant heartbeatAt,
                       boolean lost, JsonObject workers, List<Task> running) {

    /** A task a node runs. */
    public record Task(String id, String name, String state, Instant startedAt, int attempt) {
    }

    static NodeView of(NodeTable.NodeRow row, Map<String, List<Task>> running, Instant now, Duration lease) {
        Instant heartbeat = Instant.ofEpochMilli(row.heartbeatAt());
        JsonObject workers;
        try (JsonReader reader = TaskJson.json().createReader(new StringReader(row.workers()))) {
            workers = reader.readObject();
        }
        return new NodeView(row.name(), row.runner(), row.version(), Instant.ofEpochMilli(row.startedAt()), heartbeat,
                heartbeat.plus(lease).isBefore(now), workers, running.getOrDefault(row.runner(), List.of()));
    }

    /** The nodes, as {@code GET nodes} returns them. */
    public record Listing(List<NodeView> nodes) {
    }
}
