package io.celerity.internal.execution;

import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.messaging.TaskMessage;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.logging.Logger;

/** Consumes the task messages the broker expired and marks their tasks EXPIRED, so none stays QUEUED. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.EXPIRED),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=celerity.resource-adapter}"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "500")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiredTaskBean implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ExpiredTaskBean.class.getName());

    @Inject
    Expiries expiries;

    @Override
    public void onMessage(Message message) {
        try {
            expiries.expire(TaskMessage.read(message).id());
        } catch (TaskMessage.MalformedTaskMessage e) {
            LOG.warning(() -> WorkerMessage.EXPIRED_NON_TASK_MESSAGE.format(e.getMessage()));
        }
    }
}
