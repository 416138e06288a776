package io.celerity.internal.execution;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.NodeTable;
import io.celerity.internal.time.CelerityClock;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This node as it reports itself at every heartbeat: its name and runner, the library's version, when it started,
 * and per queue its workers' concurrency (their {@code maxSession}) and how many are busy.
 */
@ApplicationScoped
public class NodeReport {

    private static final Pattern MPCONFIG = Pattern.compile("\\$\\{MPCONFIG=([^}:]+)(?::([^}]*))?}");

    @Inject
    CelerityConfig config;

    @Inject
    TaskRegistry registry;

    @Inject
    WorkerActivity activity;

    @Inject
    @CelerityClock
    Clock clock;

    private volatile long startedAt;
    private String version;
    private Map<String, Optional<String>> maxSessions;

    @PostConstruct
    void prepare() {
        version = libraryVersion();
        maxSessions = registry.workerMaxSessions();
    }

    /** The node has started: from now on it reports itself. */
    void start() {
        startedAt = clock.millis();
    }

    NodeTable.NodeRow now() {
        JsonObjectBuilder workers = Json.createObjectBuilder();
        maxSessions.forEach((queue, maxSession) -> {
            JsonObjectBuilder lane = Json.createObjectBuilder().add("busy", activity.lane(queue).busy());
            maxSession.flatMap(this::resolve).ifPresent(concurrency -> lane.add("concurrency", concurrency));
            workers.add(queue, lane);
        });
        return new NodeTable.NodeRow(config.node(), config.runner(), version, startedAt, clock.millis(),
                workers.build().toString());
    }

    /** A {@code maxSession} value as the server resolves it: a number, or an MP Config placeholder. */
    private Optional<Integer> resolve(String maxSession) {
        Matcher placeholder = MPCONFIG.matcher(maxSession.trim());
        // WildFly resolves ${MPCONFIG=key} as the system property "MPCONFIG=key", Payara as the key itself
        String value = placeholder.matches()
                ? config.value("MPCONFIG=" + placeholder.group(1)).or(() -> config.value(placeholder.group(1)))
                        .orElse(placeholder.group(2))
                : maxSession.trim();
        try {
            return value == null ? Optional.empty() : Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String libraryVersion() {
        Properties properties = new Properties();
        try (InputStream in = NodeReport.class.getResourceAsStream("celerity-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
