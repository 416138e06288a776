package io.celerity.internal.config;

import io.celerity.internal.message.DeploymentMessage;
import org.eclipse.microprofile.config.Config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that reads Celerity's MicroProfile Config keys (each converted and checked by {@link KeyReader});
 * every key is documented in docs/configuration.adoc. {@link #read} reads and checks every key once, at deployment:
 * the extension builds the one instance and makes it injectable, so that a bad value fails the deployment, naming its
 * key, instead of surfacing at first use.
 */
public final class CelerityConfig {

    private final String node;
    private final String connectionFactory;
    private final boolean embeddedBroker;
    private final String embeddedBrokerHost;
    private final int embeddedBrokerPort;
    private final Path embeddedBrokerDataDir;
    private final String brokerUser;
    private final Optional<String> brokerPassword;
    private final Optional<String> taskEntity;
    private final String runner;
    private final Duration lease;
    private final Duration sweepInterval;
    private final Duration shutdownGrace;
    private final boolean healthEnabled;
    private final Duration healthTimeout;
    private final Duration stallAfter;
    private final boolean outbox;
    private final Duration statsKeep;
    private final Web web;
    private final Schedules schedules;
    private final Retention retention;
    private final KeyReader keys;

    private CelerityConfig(KeyReader keys) {
        node = keys.text("celerity.node").orElseGet(CelerityConfig::defaultNode);
        connectionFactory = keys.text("celerity.jms.connection-factory", "jms/celerity");
        embeddedBroker = keys.bool("celerity.broker.embedded", true);
        embeddedBrokerHost = keys.text("celerity.broker.embedded.host", "127.0.0.1");
        embeddedBrokerPort = keys.port("celerity.broker.embedded.port", 61616);
        embeddedBrokerDataDir = keys.path("celerity.broker.embedded.data-dir",
                Path.of(System.getProperty("user.dir"), "celerity-data", "broker"));
        brokerUser = keys.text("celerity.broker.user", "celerity");
        brokerPassword = keys.text("celerity.broker.password");
        taskEntity = keys.text("celerity.task-entity");
        runner = node + "/" + UUID.randomUUID().toString().substring(0, 8);
        lease = keys.duration("celerity.worker.lease", Duration.ofSeconds(30));
        sweepInterval = keys.duration("celerity.sweeper.interval", Duration.ofSeconds(10));
        shutdownGrace = keys.duration("celerity.worker.shutdown-grace", Duration.ofSeconds(30));
        healthEnabled = keys.bool("celerity.health.enabled", true);
        healthTimeout = keys.duration("celerity.health.timeout", Duration.ofSeconds(2));
        stallAfter = keys.duration("celerity.health.stall-after", Duration.ofMinutes(2));
        String enqueue = keys.text("celerity.enqueue", "outbox");
        if (!enqueue.equals("outbox") && !enqueue.equals("xa")) {
            throw new IllegalStateException(DeploymentMessage.UNKNOWN_ENQUEUE_MODE.format(enqueue));
        }
        outbox = enqueue.equals("outbox");
        statsKeep = keys.duration("celerity.stats.keep", Duration.ofDays(2));
        // the server reads it for the worker's maxSession; checked here so that a bad value is reported with its key
        keys.positive("celerity.worker.concurrency", 8);
        web = new Web(keys);
        schedules = new Schedules(keys);
        retention = new Retention(keys);
        this.keys = keys;
    }

    /**
     * Reads and checks every key.
     *
     * @throws IllegalStateException naming the first key with a bad value, and what to write instead
     */
    public static CelerityConfig read(Config config) {
        return new CelerityConfig(new KeyReader(config));
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** {@code celerity.node}: this node's name in task records and events. */
    public String node() {
        return node;
    }

    /** {@code celerity.jms.connection-factory}: JNDI name of the (XA) JMS connection factory used to send. */
    public String connectionFactory() {
        return connectionFactory;
    }

    /** {@code celerity.broker.embedded}: start an Artemis broker inside the application. */
    public boolean embeddedBroker() {
        return embeddedBroker;
    }

    public String embeddedBrokerHost() {
        return embeddedBrokerHost;
    }

    public int embeddedBrokerPort() {
        return embeddedBrokerPort;
    }

    public Path embeddedBrokerDataDir() {
        return embeddedBrokerDataDir;
    }

    /** {@code celerity.broker.user}: the user the embedded broker admits, the one the resource adapter logs in as. */
    public String brokerUser() {
        return brokerUser;
    }

    /**
     * {@code celerity.broker.password}: that user's password (environment variable CELERITY_BROKER_PASSWORD, which the
     * resource adapter reads as well). The embedded broker has no default: it does not start without one.
     */
    public Optional<String> brokerPassword() {
        return brokerPassword;
    }

    /** This node in this boot: a restarted node is another runner, so its earlier runs count as lost. */
    public String runner() {
        return runner;
    }

    /**
     * {@code celerity.worker.lease}: a running task whose runner has not renewed its heartbeat for this long counts as
     * lost; heartbeats are written every third of it.
     */
    public Duration lease() {
        return lease;
    }

    /** {@code celerity.sweeper.interval}: how often each node looks for lost and expired tasks. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /**
     * {@code celerity.enqueue}: {@code outbox} (the default) sends a task's message after the caller's transaction has
     * committed (the sweeper sends what a crash left unsent); {@code xa} sends it inside that transaction, with a
     * two-phase commit over database and broker.
     */
    public boolean outbox() {
        return outbox;
    }

    /** {@code celerity.worker.shutdown-grace}: how long a stopping node lets its running tasks finish. */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /** {@code celerity.health.enabled}: whether Celerity's health checks probe anything (else they answer UP). */
    public boolean healthEnabled() {
        return healthEnabled;
    }

    /** {@code celerity.health.timeout}: how long a health probe of the database or the broker may take. */
    public Duration healthTimeout() {
        return healthTimeout;
    }

    /**
     * {@code celerity.health.stall-after}: how long due tasks may wait on a queue this node's workers leave idle, and
     * how long the sweeper may go without a tick, before the node reports itself not ready, or not live.
     */
    public Duration stallAfter() {
        return stallAfter;
    }

    /** {@code celerity.stats.keep}: how long the per-minute task statistics in {@code celerity_stat} are kept. */
    public Duration statsKeep() {
        return statsKeep;
    }

    /** Any key's value as text, for values the server resolves itself (a worker's {@code ${MPCONFIG=key}}). */
    public Optional<String> value(String key) {
        return keys.text(key);
    }

    /** The configured overrides of a task's options, {@code celerity.task."<name>".<option>}. */
    public Map<String, String> taskSettings(String task, Set<String> options) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String option : options) {
            keys.text("celerity.task.\"" + task + "\"." + option).ifPresent(value -> settings.put(option, value));
        }
        return settings;
    }

    /** The keys of the web surface: REST API, WebSocket feed and their security. */
    public Web web() {
        return web;
    }

    /** The keys of periodic tasks, {@code celerity.schedule.*}. */
    public Schedules schedules() {
        return schedules;
    }

    /** The keys of retention, {@code celerity.retention.*}. */
    public Retention retention() {
        return retention;
    }

    /** {@code celerity.task-entity}: the entity class to store tasks in, when several extend TaskMeta. */
    public Optional<String> taskEntity() {
        return taskEntity;
    }

    /** The keys of periodic tasks. */
    public static final class Schedules {

        private final Duration pollInterval;
        private final Duration missedAfter;
        private final Duration minInterval;

        private Schedules(KeyReader keys) {
            pollInterval = keys.duration("celerity.schedule.poll-interval", Duration.ofSeconds(1));
            missedAfter = keys.duration("celerity.schedule.missed-after", Duration.ofSeconds(10));
            minInterval = keys.duration("celerity.schedule.min-interval", Duration.ofSeconds(1));
            if (missedAfter.compareTo(pollInterval) <= 0) {
                throw new IllegalStateException(DeploymentMessage.BAD_CONFIG_VALUE.format(
                        "celerity.schedule.missed-after", "'" + missedAfter + "' must be longer than "
                                + "celerity.schedule.poll-interval ('" + pollInterval + "'), or every tick is missed"));
            }
        }

        /** {@code celerity.schedule.poll-interval}: how often each node looks for due schedules. */
        public Duration pollInterval() {
            return pollInterval;
        }

        /**
         * {@code celerity.schedule.missed-after}: a run not started this long after its tick counts as missed, and
         * its schedule's {@link io.celerity.api.MissedRun} policy applies.
         */
        public Duration missedAfter() {
            return missedAfter;
        }

        /** {@code celerity.schedule.min-interval}: the shortest interval a schedule may run {@code every}. */
        public Duration minInterval() {
            return minInterval;
        }
    }

    /**
     * The keys of retention: how long finished tasks are kept, per terminal state
     * ({@code celerity.retention.<state>}, such as {@code celerity.retention.success=7d}) and per task name
     * ({@code celerity.task."<name>".retention.<state>}); {@code 0} or no key keeps them forever.
     */
    public static final class Retention {

        /** The terminal states, as the keys write them. */
        public static final List<String> STATES = List.of("success", "failure", "revoked", "aborted", "expired",
                "skipped");
        /** The most rows one retention transaction deletes: their ids go into one statement. */
        static final int MAX_BATCH = 10_000;

        private final Duration interval;
        private final int batchSize;
        private final Map<String, Duration> byState = new LinkedHashMap<>();
        private final KeyReader keys;

        private Retention(KeyReader keys) {
            this.keys = keys;
            interval = keys.duration("celerity.retention.interval", Duration.ofMinutes(1));
            batchSize = keys.positive("celerity.retention.batch-size", 1000);
            if (batchSize > MAX_BATCH) {
                throw new IllegalStateException(DeploymentMessage.BAD_CONFIG_VALUE.format("celerity.retention.batch-size",
                        "'" + batchSize + "' is more than " + MAX_BATCH + " rows a transaction"));
            }
            for (String state : STATES) {
                keys.retention("celerity.retention." + state).ifPresent(age -> byState.put(state, age));
            }
        }

        /** {@code celerity.retention.interval}: how often the cluster deletes what it no longer keeps. */
        public Duration interval() {
            return interval;
        }

        /** {@code celerity.retention.batch-size}: rows deleted per transaction. */
        public int batchSize() {
            return batchSize;
        }

        /** How long tasks that ended in a state (lower case) are kept; empty: forever. */
        public Optional<Duration> keep(String state) {
            return Optional.ofNullable(byState.get(state)).filter(age -> !age.isZero());
        }

        /**
         * How long tasks of one name that ended in a state are kept, when configured for that name
         * ({@link Duration#ZERO}: forever, whatever {@link #keep(String)} says); empty when not configured.
         *
         * @throws IllegalStateException naming the key, if its value is bad
         */
        public Optional<Duration> keep(String task, String state) {
            return keys.retention("celerity.task.\"" + task + "\".retention." + state);
        }
    }

    /** The web surface's keys, {@code celerity.api.*}, {@code celerity.security.*} and {@code celerity.websocket.*}. */
    public static final class Web {

        private static final List<String> SORTABLE = List.of("createdAt", "changedAt", "startedAt", "finishedAt",
                "taskName", "state", "priority");

        private final String apiPath;
        private final String uiPath;
        private final int maxPageSize;
        private final long maxBodySize;
        private final List<String> sortable;
        private final Set<String> sensitiveFields;
        private final String adminRole;
        private final boolean open;
        private final String ownerField;
        private final boolean ownerFieldConfigured;
        private final List<String> allowedOrigins;

        private Web(KeyReader keys) {
            apiPath = path(keys, "celerity.api.path", "celerity/api");
            uiPath = path(keys, "celerity.ui.path", "celerity/ui");
            if ((uiPath + "/").startsWith(apiPath + "/") || (apiPath + "/").startsWith(uiPath + "/")) {
                throw new IllegalStateException(DeploymentMessage.OVERLAPPING_WEB_PATHS.format(uiPath, apiPath));
            }
            maxPageSize = keys.positive("celerity.api.max-page-size", 200);
            maxBodySize = keys.positive("celerity.api.max-body-size", 65536);
            sortable = keys.list("celerity.api.sortable", SORTABLE);
            sensitiveFields = Set.copyOf(keys.list("celerity.api.sensitive-fields", List.of()));
            adminRole = keys.text("celerity.security.admin-role", "celerity-admin");
            open = keys.bool("celerity.security.open", false);
            Optional<String> owner = keys.text("celerity.security.owner-field");
            ownerField = owner.orElse("owner");
            ownerFieldConfigured = owner.isPresent();
            allowedOrigins = keys.origins("celerity.websocket.allowed-origins");
        }

        /** A path below the context root, without leading or trailing slashes. */
        private static String path(KeyReader keys, String key, String defaultPath) {
            String path = keys.text(key, defaultPath).replaceAll("^/+|/+$", "");
            if (path.isEmpty() || !path.matches("[A-Za-z0-9._~/-]+")) {
                throw new IllegalStateException(DeploymentMessage.BAD_WEB_PATH.format(key, path, defaultPath));
            }
            return path;
        }

        /**
         * Reads and checks the web surface's keys alone, for the entry points that the server creates itself,
         * outside CDI (servlet initializer, OpenAPI model reader, WebSocket configurator).
         *
         * @throws IllegalStateException naming the first key with a bad value
         */
        public static Web read(Config config) {
            return new Web(new KeyReader(config));
        }

        /** {@code celerity.api.path}: where the REST API is, relative to the application's context root. */
        public String apiPath() {
            return apiPath;
        }

        /** {@code celerity.ui.path}: where the dashboard is, relative to the application's context root. */
        public String uiPath() {
            return uiPath;
        }

        /** {@code celerity.api.max-page-size}: the largest page a list request may ask for. */
        public int maxPageSize() {
            return maxPageSize;
        }

        /** {@code celerity.api.max-body-size}: the largest request body, in bytes. */
        public long maxBodySize() {
            return maxBodySize;
        }

        /** {@code celerity.api.sortable}: the fields a list may be sorted by. */
        public List<String> sortable() {
            return sortable;
        }

        /** {@code celerity.api.sensitive-fields}: fields (and {@code arguments}, {@code result}) shown redacted. */
        public Set<String> sensitiveFields() {
            return sensitiveFields;
        }

        /** {@code celerity.security.admin-role}: the role that sees and controls every task. */
        public String adminRole() {
            return adminRole;
        }

        /** {@code celerity.security.open}: no authentication at all, everyone is an admin. Only for trusted networks. */
        public boolean open() {
            return open;
        }

        /** {@code celerity.security.owner-field}: the task entity's field (or {@code field.attribute}) naming the owner. */
        public String ownerField() {
            return ownerField;
        }

        /** Whether the owner field was configured rather than defaulted, which makes its absence an error. */
        public boolean ownerFieldConfigured() {
            return ownerFieldConfigured;
        }

        /** {@code celerity.websocket.allowed-origins}: browser origins allowed besides the server's own. */
        public List<String> allowedOrigins() {
            return allowedOrigins;
        }
    }
}
