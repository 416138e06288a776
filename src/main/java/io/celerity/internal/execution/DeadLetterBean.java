package io.celerity.internal.execution;

import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.messaging.Messaging;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes the messages the broker itself moved to the dead-letter queue (those without Celerity's reason) and files
 * them again with one, their tasks marked FAILURE: no task stays QUEUED or STARTED behind a message nobody delivers.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.DEAD_LETTERS),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = Messaging.REASON_PROPERTY + " IS NULL"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=celerity.resource-adapter}"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "500")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetterBean implements MessageListener {

    @Inject
    DeadLetters deadLetters;

    @Override
    public void onMessage(Message message) {
        deadLetters.file(message);
    }
}
