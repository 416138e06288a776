package io.celerity.internal.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.math.BigDecimal;
import java.util.List;

import static io.celerity.internal.web.CelerityOpenApi.array;
import static io.celerity.internal.web.CelerityOpenApi.body;
import static io.celerity.internal.web.CelerityOpenApi.bool;
import static io.celerity.internal.web.CelerityOpenApi.dateTime;
import static io.celerity.internal.web.CelerityOpenApi.int64;
import static io.celerity.internal.web.CelerityOpenApi.json;
import static io.celerity.internal.web.CelerityOpenApi.object;
import static io.celerity.internal.web.CelerityOpenApi.problem;
import static io.celerity.internal.web.CelerityOpenApi.ref;
import static io.celerity.internal.web.CelerityOpenApi.string;

/** The OpenAPI description of {@link QueueResource} and {@link DeadLetterResource}, part of {@link CelerityOpenApi}'s. */
final class QueueOpenApi {

    private static final String QUEUES = "CelerityQueues";
    private static final String DEAD_LETTERS = "CelerityDeadLetters";
    private static final String DEAD_LETTER_ID = "A dead letter's id: the broker's message id without its ID: prefix.";

    private final CelerityOpenApi api;

    QueueOpenApi(CelerityOpenApi api) {
        this.api = api;
    }

    void addPaths(Paths paths, String base) {
        paths.addPathItem(base + "/queues", OASFactory.createPathItem().GET(queues()))
                .addPathItem(base + "/dead-letters", OASFactory.createPathItem().GET(deadLetters()))
                .addPathItem(base + "/dead-letters/{id}", deadLetter().DELETE(discard()))
                .addPathItem(base + "/dead-letters/{id}/redrive", deadLetter().POST(redrive()));
    }

    void addSchemas(Components components) {
        components.addSchema(QUEUES, queuesSchema()).addSchema(DEAD_LETTERS, deadLettersSchema());
    }

    private Operation queues() {
        String admin = api.web().adminRole();
        return api.operation("celerityListQueues", "List the queues",
                        "Each task queue as the broker counts its messages (ready, scheduled for later, being "
                                + "delivered) and consumers, beside the task table's count of its tasks that have not "
                                + "ended, and the dead-letter queue's depth, for holders of role " + admin + ". When "
                                + "the broker cannot be read, its figures are absent and broker.problem says why.")
                .responses(api.responses("200", json("The queues, by name.", ref(QUEUES)))
                        .addAPIResponse("403", problem("The caller does not hold role " + admin + ".")));
    }

    private Operation deadLetters() {
        String admin = api.web().adminRole();
        return api.operation("celerityListDeadLetters", "List the dead letters",
                        "The messages Celerity filed in the dead-letter queue, with their reason and their task (and "
                                + "its state now), in the queue's order, for holders of role " + admin + ".")
                .addParameter(OASFactory.createParameter().name("size").in(Parameter.In.QUERY)
                        .description("Dead letters per page.").schema(CelerityOpenApi.int64()
                                .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(DeadLetterResource.MAX_PAGE))
                                .defaultValue(50)))
                .addParameter(OASFactory.createParameter().name("after").in(Parameter.In.QUERY)
                        .description("The next page: the id the previous page gave as next.").schema(string()))
                .responses(api.responses("200", json("A page of dead letters.", ref(DEAD_LETTERS)))
                        .addAPIResponse("400", problem("size or after is malformed."))
                        .addAPIResponse("503", problem("The broker cannot be reached."))
                        .addAPIResponse("403", problem("The caller does not hold role " + admin + ".")));
    }

    private Operation redrive() {
        String admin = api.web().adminRole();
        return api.operation("celerityRedriveDeadLetter", "Re-drive a dead letter",
                        "Runs the dead letter's task again as a new task (the same name, arguments, fields and "
                                + "priority; its id is the dead letter's) and takes the message out of the queue; "
                                + "logged with the caller. Doing it twice runs the task once more. For "
                                + "holders of role " + admin + ".")
                .requestBody(body("Empty: this action takes no options.",
                        object().maxProperties(0).additionalPropertiesBoolean(false)))
                .responses(api.responses("201", json("The dead letter's id and the new task.", object()
                                .addProperty("deadLetter", string())
                                .addProperty("task", ref(CelerityOpenApi.TASK))))
                        .addAPIResponse("400", problem("The id is malformed."))
                        .addAPIResponse("403", problem("The caller does not hold role " + admin + "."))
                        .addAPIResponse("404", problem("No filed dead letter has this id."))
                        .addAPIResponse("409", problem("The message names no task, or its task has not ended, "
                                + "succeeded or was deleted; the message stays."))
                        .addAPIResponse("415", problem("The body is not JSON: send Content-Type: application/json."))
                        .addAPIResponse("422", problem("The body is not empty."))
                        .addAPIResponse("503", problem("The broker cannot be reached.")));
    }

    private Operation discard() {
        String admin = api.web().adminRole();
        return api.operation("celerityDiscardDeadLetter", "Discard a dead letter",
                        "Takes the message out of the dead-letter queue for good; logged with the caller. For holders of role " + admin + ".")
                .responses(api.responses("204", OASFactory.createAPIResponse().description("It is discarded."))
                        .addAPIResponse("400", problem("The id is malformed."))
                        .addAPIResponse("403", problem("The caller does not hold role " + admin + "."))
                        .addAPIResponse("404", problem("No filed dead letter has this id."))
                        .addAPIResponse("503", problem("The broker cannot be reached.")));
    }

    private static PathItem deadLetter() {
        return OASFactory.createPathItem().addParameter(OASFactory.createParameter().name("id")
                .in(Parameter.In.PATH).required(true).description(DEAD_LETTER_ID)
                .schema(string().pattern("[0-9A-Za-z-]{1,64}")));
    }

    private static Schema queuesSchema() {
        return object().description("The task queues and the dead-letter queue.")
                .addProperty("broker", object().addProperty("readable", bool())
                        .addProperty("problem", string().description("Why the broker could not be read.")))
                .addProperty("queues", array(object()
                        .addProperty("name", string())
                        .addProperty("messages", int64().description("Messages ready to be delivered; absent when the "
                                + "broker cannot be read."))
                        .addProperty("scheduled", int64().description("Messages scheduled for later (countdown, "
                                + "ETA, retry delay); absent when the broker cannot be read."))
                        .addProperty("delivering", int64().description("Messages being delivered to a consumer; "
                                + "absent when the broker cannot be read."))
                        .addProperty("consumers", int64().description("Consumers; absent when the broker cannot "
                                + "be read."))
                        .addProperty("tasks", object().description("The queue's tasks that have not ended, from the "
                                        + "task table.")
                                .addProperty("waiting", int64()).addProperty("scheduled", int64())
                                .addProperty("running", int64()))
                        .required(List.of("name", "tasks"))))
                .addProperty("deadLetters", object().addProperty("messages", int64().description("Messages in the "
                        + "dead-letter queue; absent when the broker cannot be read.")))
                .required(List.of("broker", "queues", "deadLetters"));
    }

    private static Schema deadLettersSchema() {
        return object().description("A page of dead letters.")
                .addProperty("deadLetters", array(object()
                        .addProperty("id", string().description(DEAD_LETTER_ID))
                        .addProperty("taskId", string())
                        .addProperty("taskName", string())
                        .addProperty("reason", string().description("Why it was dead-lettered, starting with the id of the reason."))
                        .addProperty("deadLetteredAt", dateTime("When it was filed."))
                        .addProperty("taskState", string().description("The task's state now; absent when it no "
                                + "longer exists."))
                        .required(List.of("id"))))
                .addProperty("next", string().description("The after of the next page; absent on the last page."))
                .required(List.of("deadLetters"));
    }
}
