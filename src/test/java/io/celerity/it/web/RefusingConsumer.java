package io.celerity.it.web;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A consumer of a Celerity queue whose every delivery fails, as a worker on a node that dies each time would: the
 * broker redelivers each message until its attempts are spent, then dead-letters it.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = RefusingConsumer.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=celerity.resource-adapter}"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefusingConsumer implements MessageListener {

    public static final String QUEUE = "celerity.web-refused";

    @Override
    public void onMessage(Message message) {
        throw new IllegalStateException("this delivery fails on purpose");
    }
}
