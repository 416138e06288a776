package io.celerity.it.control;

import io.celerity.api.TaskWorker;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** A second task queue, consumed by one worker at a time. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = SlowLaneWorker.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=celerity.resource-adapter}"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
})
public class SlowLaneWorker extends TaskWorker {

    public static final String QUEUE = "celerity.slow-lane";
}
