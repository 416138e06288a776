package io.celerity.api;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The worker of a task queue other than the default one: a message-driven bean of yours that extends this class and
 * names the queue and its concurrency; Celerity does the rest. The default queue {@value BackgroundTask#DEFAULT_QUEUE}
 * has a worker built in.
 *
 * <pre>{@code
 * @MessageDriven(activationConfig = {
 *     @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
 *     @ActivationConfigProperty(propertyName = "destination", propertyValue = "celerity.reports"),
 *     @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
 *     @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=celerity.resource-adapter}"),
 *     @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
 *     @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")})
 * public class ReportWorker extends TaskWorker {
 * }
 * }</pre>
 *
 * The {@code destination} must be a literal queue name starting with {@code celerity.}; every task whose
 * {@link BackgroundTask#queue()} names it is run by this worker. A message of a task that belongs to another queue is
 * refused (dead-lettered), so no message decides where a task runs.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class TaskWorker implements MessageListener {

    @Inject
    Runner runner;

    @Override
    public void onMessage(Message message) {
        runner.run(getClass(), message);
    }

    /** Implemented by Celerity: runs the task of a message delivered to a worker. */
    public interface Runner {

        void run(Class<? extends TaskWorker> worker, Message message);
    }
}
