package io.celerity.it.web;

import io.celerity.api.TaskWorker;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * The worker of a queue whose consumer takes nothing: its selector matches no message, as a misconfigured worker
 * would. Tasks of the queue wait, due, while the worker is idle: the node is not ready.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = StalledWorker.QUEUE),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "celerity_never IS NOT NULL"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=celerity.resource-adapter}"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
})
public class StalledWorker extends TaskWorker {

    public static final String QUEUE = "celerity.web-stalled";
}
