package io.celerity.internal.control;

import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.json.JsonLimits;
import io.celerity.internal.json.TaskJson;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.logging.Logger;

/** Receives revoke-terminate and abort requests from any node and applies them to the runs of this node. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.CONTROL),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=celerity.resource-adapter}"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "500")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ControlTopicBean implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ControlTopicBean.class.getName());
    /** A request is one flat object of two short strings. */
    private static final JsonLimits LIMITS = new JsonLimits(4096, 4);

    @Inject
    ControlRequests requests;

    @Override
    public void onMessage(Message message) {
        try {
            if (message instanceof TextMessage text) {
                String body = text.getText();
                LIMITS.check(body);
                requests.apply(TaskJson.jsonb().fromJson(body, ControlRequest.class));
            }
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> WorkerMessage.CONTROL_REQUEST_DROPPED.format(e));
        }
    }
}
