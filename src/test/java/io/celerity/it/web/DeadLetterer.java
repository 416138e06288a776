package io.celerity.it.web;

import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.TaskMessage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * {@code app/dead-letter?provider=<n>}: starts a quick task due in an hour as the caller, and puts a copy of its
 * message in the dead-letter queue, as the broker does after a message's last delivery: the task ends FAILURE
 * (CELERITY-0228). Answers the task's id.
 */
@Path("dead-letter")
@RequestScoped
public class DeadLetterer {

    @Inject
    Starter starter;

    @Inject
    Messaging messaging;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String deadLetter(@QueryParam("provider") Long provider) {
        String id = starter.start("quick", provider, null, null, 3600L);
        messaging.send(Destinations.DEAD_LETTERS, false, new TaskMessage(id, "web-quick").toJson(),
                Map.of(TaskMessage.ID_PROPERTY, id, TaskMessage.TASK_PROPERTY, "web-quick"), true);
        return id;
    }
}
