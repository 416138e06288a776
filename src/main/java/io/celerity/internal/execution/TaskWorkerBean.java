package io.celerity.internal.execution;

import io.celerity.api.TaskWorker;
import io.celerity.internal.messaging.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The worker: consumes the task queue. It runs outside a container transaction so that a task is not bound to one
 * JTA timeout; every state write is a short transaction of its own. A message is acknowledged once its task has
 * ended; if the node dies before, the broker delivers it again (at-least-once). By default a consumer takes no
 * message ahead of the one it runs, so waiting tasks stay on the broker for any free worker, in priority order.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.TASKS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=celerity.resource-adapter}"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${MPCONFIG=celerity.worker.concurrency}"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "500")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskWorkerBean extends TaskWorker {
}
