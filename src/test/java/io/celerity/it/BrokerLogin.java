package io.celerity.it;

import io.celerity.internal.config.CelerityConfig;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

import java.util.Optional;
import java.util.UUID;

/**
 * Logs in to the broker this deployment uses over the network, as any other process could: the embedded broker, the
 * standalone one (CELERITY_BROKER_HOST and PORT), or WildFly's own through its HTTP port.
 */
final class BrokerLogin {

    /** Artemis's default management address, which none of the brokers changes. */
    private static final String MANAGEMENT = "activemq.management";

    private final String url;

    BrokerLogin(CelerityConfig config) {
        String host = System.getenv("CELERITY_BROKER_HOST");
        if (config.embeddedBroker()) {
            url = "tcp://" + config.embeddedBrokerHost() + ":" + config.embeddedBrokerPort();
        } else if (host != null) {
            url = "tcp://" + host + ":" + System.getenv("CELERITY_BROKER_PORT");
        } else {
            int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
            url = "tcp://127.0.0.1:" + port + "?httpUpgradeEnabled=true";
        }
    }

    /** The password the resource adapter logs in with, when Celerity's launchers gave one. */
    static Optional<String> applicationPassword() {
        return Optional.ofNullable(System.getenv("CELERITY_BROKER_PASSWORD"));
    }

    /** Opens a session, or returns the broker's refusal. */
    ActiveMQException refusal(String user, String password) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url).setReconnectAttempts(0);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession ignored = factory.createSession(user, password, false, true, true, false, 0)) {
            return null;
        } catch (ActiveMQException e) {
            return e;
        }
    }

    /** As the given user: browses a queue, or returns the refusal. */
    ActiveMQException browse(String user, String password, String queue) throws Exception {
        return act(user, password, session -> session.createConsumer(queue, true).close());
    }

    /** As the given user: makes a queue of another name than Celerity's, or returns the refusal. */
    ActiveMQException createForeignQueue(String user, String password) throws Exception {
        String name = "other." + UUID.randomUUID();
        return act(user, password, session -> session.createQueue(QueueConfiguration.of(name)
                .setRoutingType(RoutingType.ANYCAST).setDurable(false)));
    }

    /** As the given user: asks the broker's management for its version, or returns the refusal. */
    ActiveMQException manage(String user, String password) throws Exception {
        return act(user, password, session -> {
            ClientMessage request = session.createMessage(false);
            ManagementHelper.putAttribute(request, ResourceNames.BROKER, "version");
            session.createProducer(MANAGEMENT).send(request);
        });
    }

    private ActiveMQException act(String user, String password, Action action) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url).setReconnectAttempts(0)
                .setBlockOnNonDurableSend(true).setBlockOnDurableSend(true);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            action.run(session);
            return null;
        } catch (ActiveMQSecurityException e) {
            return e;
        }
    }

    interface Action {
        void run(ClientSession session) throws ActiveMQException;
    }
}
