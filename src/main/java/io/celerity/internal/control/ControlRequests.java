package io.celerity.internal.control;

import io.celerity.internal.message.WorkerMessage;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.execution.Runs;
import io.celerity.internal.json.TaskJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends control requests to every node and applies them to the runs of this node. */
@ApplicationScoped
public class ControlRequests {

    private static final Logger LOG = Logger.getLogger(ControlRequests.class.getName());

    @Inject
    Messaging messaging;

    @Inject
    Runs runs;

    /** Applies the request here at once, then tells the other nodes; heartbeats catch what a lost message missed. */
    void send(ControlRequest request) {
        apply(request);
        try {
            messaging.send(Destinations.CONTROL, true, TaskJson.jsonb().toJson(request), Map.of(), false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, WorkerMessage.CONTROL_REQUEST_NOT_SENT.format(request.action(), request.id(), e),
                    e);
        }
    }

    void apply(ControlRequest request) {
        runs.get(request.id()).ifPresent(run -> {
            if (ControlRequest.TERMINATE.equals(request.action())) {
                run.terminate();
            } else if (ControlRequest.ABORT.equals(request.action())) {
                run.requestAbort();
            }
        });
    }
}
