package io.celerity.internal.broker;

import io.celerity.internal.message.DeploymentMessage;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.config.CelerityConfig;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The zero-setup broker: Artemis inside the application, persistent, listening on a loopback TCP port that the
 * resource adapter connects to. Its addresses mirror server-config/artemis/broker.xml.
 * <p>
 * It admits one user, {@code celerity.broker.user} with {@code celerity.broker.password}, and only to Celerity's
 * addresses: send, consume, browse and the queues that subscriptions and new task queues need, and one read-only
 * management operation, the queue listing the dashboard shows. Nobody may change it over the wire; anonymous and wrong
 * logins are refused.
 */
public final class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

    private static final String ACCEPTOR = "celerity";

    /** The role of the application's user: everything on Celerity's addresses except deleting them and managing. */
    static final Role APPLICATION = new Role("celerity", true, true, true, false, true, true, false, true, true, false,
            false, false);

    /** May send management messages; what each may do is checked against the {@code mops.} settings below. */
    static final Role MANAGEMENT = new Role("celerity", false, false, false, false, false, false, true, false, false,
            false, false, false);

    /** May read the queue listing: the only management operation the application uses. */
    static final Role QUEUE_LISTING = new Role("celerity", false, false, false, false, false, false, false, false,
            false, false, true, false);

    private final EmbeddedActiveMQ server;

    private EmbeddedBroker(EmbeddedActiveMQ server) {
        this.server = server;
    }

    public static EmbeddedBroker start(CelerityConfig config) throws Exception {
        String password = config.brokerPassword().orElseThrow();
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(config.brokerUser(), password);
        users.addRole(config.brokerUser(), APPLICATION.getName());
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(configuration(config));
        server.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        server.start();
        // Artemis does not fail start() when its acceptor cannot bind; it just never becomes active
        if (!server.getActiveMQServer().isActive()) {
            server.stop();
            throw new IllegalStateException("it did not become active; is port " + config.embeddedBrokerPort()
                    + " taken by another process?");
        }
        LOG.info(() -> DeploymentMessage.BROKER_LISTENING.format(config.embeddedBrokerHost(),
                config.embeddedBrokerPort(), config.embeddedBrokerDataDir()));
        return new EmbeddedBroker(server);
    }

    static Configuration configuration(CelerityConfig config) throws Exception {
        Path data = config.embeddedBrokerDataDir();
        Configuration c = new ConfigurationImpl()
                .setName("celerity-embedded")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration(ACCEPTOR, "tcp://" + config.embeddedBrokerHost() + ":"
                        + config.embeddedBrokerPort());
        c.setManagementMessageRbac(true);
        c.putSecurityRoles("celerity.#", Set.of(APPLICATION));
        c.putSecurityRoles(c.getManagementAddress().toString(), Set.of(MANAGEMENT));
        c.putSecurityRoles(c.getManagementRbacPrefix() + ".broker.listQueues", Set.of(QUEUE_LISTING));
        c.addAddressSetting("celerity.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Destinations.DEAD_LETTERS))
                .setExpiryAddress(SimpleString.of(Destinations.EXPIRED))
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(5));
        // the dead-letter queue's own dead-letter address would be itself: its watcher is retried without end instead
        c.addAddressSetting(Destinations.DEAD_LETTERS, new AddressSettings()
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(-1));
        c.addQueueConfiguration(anycast(Destinations.TASKS));
        c.addQueueConfiguration(anycast(Destinations.DEAD_LETTERS));
        c.addQueueConfiguration(anycast(Destinations.EXPIRED));
        c.addAddressConfiguration(new CoreAddressConfiguration().setName(Destinations.EVENTS)
                .addRoutingType(RoutingType.MULTICAST));
        c.addAddressConfiguration(new CoreAddressConfiguration().setName(Destinations.CONTROL)
                .addRoutingType(RoutingType.MULTICAST));
        return c;
    }

    private static QueueConfiguration anycast(String name) {
        return QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warning(DeploymentMessage.BROKER_NOT_STOPPED.format(e));
        }
    }
}
