package io.celerity.internal.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place that reads Celerity's MicroProfile Config keys; every key is documented in docs/configuration.adoc.
 * Values are read once, at first use.
 */
public final class CelerityConfig {

    private static final CelerityConfig INSTANCE = new CelerityConfig(ConfigProvider.getConfig(CelerityConfig.class.getClassLoader()));

    private final String node;
    private final String connectionFactory;
    private final boolean embeddedBroker;
    private final String embeddedBrokerHost;
    private final int embeddedBrokerPort;
    private final Path embeddedBrokerDataDir;
    private final Optional<String> taskEntity;

    CelerityConfig(Config config) {
        node = config.getOptionalValue("celerity.node", String.class).orElseGet(CelerityConfig::defaultNode);
        connectionFactory = config.getOptionalValue("celerity.jms.connection-factory", String.class).orElse("jms/celerity");
        embeddedBroker = config.getOptionalValue("celerity.broker.embedded", Boolean.class).orElse(true);
        embeddedBrokerHost = config.getOptionalValue("celerity.broker.embedded.host", String.class).orElse("127.0.0.1");
        embeddedBrokerPort = config.getOptionalValue("celerity.broker.embedded.port", Integer.class).orElse(61616);
        embeddedBrokerDataDir = Path.of(config.getOptionalValue("celerity.broker.embedded.data-dir", String.class)
                .orElse(Path.of(System.getProperty("user.dir"), "celerity-data", "broker").toString()));
        taskEntity = config.getOptionalValue("celerity.task-entity", String.class);
    }

    public static CelerityConfig get() {
        return INSTANCE;
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

    /** {@code celerity.task-entity}: the entity class to store tasks in, when several extend TaskMeta. */
    public Optional<String> taskEntity() {
        return taskEntity;
    }
}
