package io.celerity.it;

import io.celerity.internal.config.CelerityConfig;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.core.client.impl.ClientMessageImpl;

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

    /**
     * As the given user: invokes a management operation through the management address, with the answer sent to a
     * temporary queue of Celerity's addresses.
     *
     * @return why the broker refused (a security error, or the failed operation's message), or {@code null} when it did it
     */
    String manage(String user, String password, String resource, String operation, Object... parameters)
            throws Exception {
        String[] refusal = new String[1];
        ActiveMQException denied = act(user, password, session -> {
            String replies = "celerity.test-replies." + UUID.randomUUID();
            session.createQueue(QueueConfiguration.of(replies).setRoutingType(RoutingType.ANYCAST).setDurable(false)
                    .setTemporary(true));
            try (ClientConsumer consumer = session.createConsumer(replies)) {
                session.start();
                ClientMessage request = session.createMessage(false);
                try {
                    ManagementHelper.putOperationInvocation(request, resource, operation, parameters);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                request.putStringProperty(ClientMessageImpl.REPLYTO_HEADER_NAME, SimpleString.of(replies));
                session.createProducer(MANAGEMENT).send(request);
                ClientMessage reply = consumer.receive(10_000);
                if (reply == null) {
                    refusal[0] = "no answer";
                } else if (!ManagementHelper.hasOperationSucceeded(reply)) {
                    refusal[0] = reply.getReadOnlyBodyBuffer().readNullableSimpleString().toString();
                }
            }
        });
        return denied != null ? denied.getMessage() : refusal[0];
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
