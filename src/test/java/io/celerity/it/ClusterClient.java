package io.celerity.it;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** The cluster test application's HTTP API (io.celerity.it.cluster) on each node, whatever the server. */
class ClusterClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The API's base URL on a node, ending with '/'. */
    private final IntFunction<String> base;

    ClusterClient(IntFunction<String> base) {
        this.base = base;
    }

    /** Enqueues tasks keyed {@code <prefix>-<i>} on a node, all or none; returns their ids. */
    List<String> enqueue(int node, String prefix, int n, long millis, long countdown) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(node, "enqueue?prefix=" + prefix + "&n=" + n
                        + "&millis=" + millis + "&countdown=" + countdown)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new IOException("enqueue on node-" + node + ": " + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    /** The status code of one enqueue, whatever it is (the broker may be down). */
    int enqueueStatus(int node, String prefix) throws IOException {
        return send(HttpRequest.newBuilder(uri(node, "enqueue?prefix=" + prefix + "&n=1"))
                .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
    }

    JsonObject get(int node, String path) {
        return json(node, "GET", path, HttpRequest.BodyPublishers.noBody());
    }

    JsonObject post(int node, String path) {
        return json(node, "POST", path, HttpRequest.BodyPublishers.noBody());
    }

    private JsonObject json(int node, String method, String path, HttpRequest.BodyPublisher body) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(node, path))
                    .timeout(Duration.ofSeconds(20)).method(method, body).build());
            if (response.statusCode() != 200) {
                throw new AssertionError(method + " " + path + " on node-" + node + ": " + response.statusCode() + " "
                        + response.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " on node-" + node + " failed: " + e, e);
        }
    }

    /** The node's MicroProfile Health answer ({@code ready} or {@code live}), whether it is UP (200) or DOWN (503). */
    JsonObject health(int node, String kind) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(node, "").resolve("/health/" + kind))
                    .timeout(Duration.ofSeconds(20)).build());
            if (response.statusCode() != 200 && response.statusCode() != 503) {
                throw new AssertionError("health/" + kind + " on node-" + node + ": " + response.statusCode() + " "
                        + response.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new AssertionError("health/" + kind + " on node-" + node + " failed: " + e, e);
        }
    }

    /** The status of one check in a health answer. */
    static String status(JsonObject health, String check) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(entry -> check.equals(entry.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + check + " in " + health)).getString("status");
    }

    JsonObject summary(int node, String prefix) {
        return get(node, "summary?prefix=" + prefix);
    }

    static Map<String, Integer> states(JsonObject summary) {
        Map<String, Integer> states = new TreeMap<>();
        summary.getJsonObject("states").forEach((state, count) -> states.put(state, ((JsonNumber) count).intValue()));
        return states;
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(int node, String path) {
        return URI.create(base.apply(node) + path);
    }
}
