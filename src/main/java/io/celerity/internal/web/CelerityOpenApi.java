package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI description of Celerity's REST API ({@link TaskResource}), merged into the application's document at
 * {@code /openapi}. It is built by hand, as a model reader, because Payara scans only the application's own classes
 * for JAX-RS and OpenAPI annotations, not those of a library in {@code WEB-INF/lib}, and because the API's path
 * ({@code celerity.api.path}) is known only at run time. Every name it adds carries a {@code celerity} prefix (the
 * operation ids) or a {@code Celerity} one (tag, schemas, security scheme), so that it never clashes with the
 * application's. It leaves the document's info and servers to the application and to Payara.
 */
public class CelerityOpenApi implements OASModelReader {

    static final String TAG = "Celerity tasks";

    private static final String SECURITY_SCHEME = "CelerityAuth";
    static final String TASK = "CelerityTask";
    private static final String TASK_ERROR = "CelerityTaskError";
    private static final String TASK_PAGE = "CelerityTaskPage";
    private static final String TASK_HISTORY = "CelerityTaskHistory";
    private static final String TASK_WORKFLOW = "CelerityTaskWorkflow";
    private static final String WORKFLOW_TASKS = "CelerityWorkflowTasks";
    private static final String STATE_CHANGE = "CelerityStateChange";
    private static final String ACTION_REQUEST = "CelerityActionRequest";
    private static final String PROBLEM = "CelerityProblem";
    static final String JSON = "application/json";

    // the OpenAPI implementation creates the reader, outside CDI: it reads the web keys itself, through the same
    // checks as the extension
    private final CelerityConfig.Web web =
            CelerityConfig.Web.read(ConfigProvider.getConfig(CelerityOpenApi.class.getClassLoader()));
    private final ScheduleOpenApi schedules = new ScheduleOpenApi(this);
    private final StatsOpenApi stats = new StatsOpenApi(this);
    private final QueueOpenApi queues = new QueueOpenApi(this);

    CelerityConfig.Web web() {
        return web;
    }

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .addTag(OASFactory.createTag().name(TAG)
                        .description("Celerity's background tasks: list, read and control them. Callers see and act "
                                + "on their own tasks only, holders of role " + web.adminRole() + " on all."))
                .addTag(OASFactory.createTag().name(ScheduleOpenApi.TAG)
                        .description("Celerity's periodic tasks: schedules stored in the database, managed at run "
                                + "time by holders of role " + web.adminRole() + " only."))
                .paths(paths())
                .components(components());
    }

    private Paths paths() {
        String tasks = "/" + web.apiPath() + "/tasks";
        Paths paths = OASFactory.createPaths();
        schedules.addPaths(paths, "/" + web.apiPath() + "/schedules");
        stats.addPaths(paths, "/" + web.apiPath() + "/stats");
        queues.addPaths(paths, "/" + web.apiPath());
        return paths
                .addPathItem(tasks, OASFactory.createPathItem().GET(list()))
                .addPathItem("/" + web.apiPath() + "/task-counts", OASFactory.createPathItem().GET(counts()))
                .addPathItem(tasks + "/{id}", task().GET(get()).DELETE(delete()))
                .addPathItem(tasks + "/{id}/history", task().GET(history()))
                .addPathItem(tasks + "/{id}/workflow", task().GET(workflow()))
                .addPathItem(tasks + "/{id}/revoke", task().POST(revoke()))
                .addPathItem(tasks + "/{id}/abort", task().POST(abort()))
                .addPathItem(tasks + "/{id}/retry", task().POST(retry()))
                .addPathItem("/" + web.apiPath() + "/nodes", OASFactory.createPathItem().GET(nodes()))
                .addPathItem("/" + web.apiPath() + "/metrics", OASFactory.createPathItem().GET(metrics()))
                .addPathItem("/" + web.apiPath() + "/feed-tickets", OASFactory.createPathItem().POST(feedTicket()));
    }

    private Operation counts() {
        return operation("celerityCountTasks", "Count tasks by state",
                "How many of the caller's tasks that match the filters (those of the list, q included) are in each "
                        + "state, in one grouped query; states with no task are left out.")
                .addParameter(filters())
                .responses(responses("200", json("The counts.", object()
                                .addProperty("states", object().additionalPropertiesSchema(int64()))
                                .addProperty("total", int64())
                                .required(List.of("states", "total"))))
                        .addAPIResponse("400", problem("A filter names an unknown column or has a bad value.")));
    }

    private Operation feedTicket() {
        return operation("celerityFeedTicket", "Get a ticket for the WebSocket feed",
                "A ticket that opens the feed (" + TaskSocketEndpoint.PATH + "?ticket=…) as the caller of this "
                        + "request, for clients that cannot put credentials on a handshake (browsers, bearer "
                        + "tokens). It opens one socket, within " + FeedTickets.VALID_SECONDS + " seconds, on this "
                        + "node.")
                .requestBody(noOptions())
                .responses(responses("201", json("The ticket.", object()
                                .addProperty("ticket", string())
                                .addProperty("expiresAt", dateTime("Until when it opens the feed."))
                                .required(List.of("ticket", "expiresAt"))))
                        .addAPIResponse("415", problem("The body is not JSON: send Content-Type: application/json."))
                        .addAPIResponse("422", problem("The body is not empty."))
                        .addAPIResponse("429", problem("Too many tickets are outstanding.")));
    }

    private Operation list() {
        return operation("celerityListTasks", "List tasks", listDescription())
                .addParameter(query("page", "The page, counting from 0.", int32().minimum(BigDecimal.ZERO)
                        .defaultValue(0)))
                .addParameter(query("size", "Tasks per page, at most " + web.maxPageSize()
                        + " (celerity.api.max-page-size).", int32().minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(web.maxPageSize()))
                        .defaultValue(Math.min(TaskFilter.DEFAULT_SIZE, web.maxPageSize()))))
                .addParameter(query("sort", "The order: a comma-separated list of columns among " + web.sortable()
                        + " (celerity.api.sortable), each with '-' first for descending order.",
                        string().defaultValue("-createdAt")))
                .addParameter(query(TaskFilter.SEARCH, "A search: tasks whose name (ignoring case) or arguments (as they "
                        + "are) contain this text. It reads every row the other filters leave: narrow it with them on a large "
                        + "table.", string().maxLength(TaskFilter.MAX_SEARCH)))
                .addParameter(filters())
                .responses(responses("200", json("One page of the matching tasks, and how many match in all.",
                        ref(TASK_PAGE)))
                        .addAPIResponse("400", problem("A filter names an unknown column or operator, a value does "
                                + "not fit its column, a filter has more than 100 values, sort, page or size is not "
                                + "allowed, or the page lies beyond any list.")));
    }

    private Operation nodes() {
        return operation("celerityListNodes", "List the nodes",
                "The nodes that run workers, for holders of role " + web.adminRole() + ": each with its runner, "
                        + "library version, start, last heartbeat, whether it is lost (no heartbeat for "
                        + "celerity.worker.lease), its workers per queue (concurrency, busy) and the tasks it runs "
                        + "now (at most " + NodeResource.MAX_RUNNING + " over all nodes). A node that stops removes "
                        + "itself; a lost one is listed for a day.")
                .responses(responses("200", json("The nodes, by name.", object()
                        .addProperty("nodes", array(nodeSchema())).required(List.of("nodes"))))
                        .addAPIResponse("403", problem("The caller does not hold role " + web.adminRole() + ".")));
    }

    private Operation metrics() {
        return operation("celerityMetrics", "Read this node's metrics",
                "This node's counters, histograms and gauges in the Prometheus text format 0.0.4, for holders of role "
                        + web.adminRole() + ": states entered, waits and run times by task, dead-lettered messages, "
                        + "group commit sizes, waiting tasks per queue, busy workers, the outbox, and whether the "
                        + "database and the broker answer. docs/observability.adoc lists them.")
                .responses(responses("200", OASFactory.createAPIResponse().description("The metrics.")
                        .content(content("text/plain", string())))
                        .addAPIResponse("403", problem("The caller does not hold role " + web.adminRole() + ".")));
    }

    private String listDescription() {
        return "Lists the caller's tasks (an admin's: every task), newest first unless sort says otherwise. Any other "
                + "query parameter filters on a column of the task entity: id, taskName, taskType, state, queue, "
                + "errorType, createdAt, startedAt, finishedAt, changedAt, node, attempt, maxRetries, priority, eta, "
                + "expiresAt, runner, scheduleName, rootId, parentId, and the application's own fields (an association by its id); fields listed in "
                + "celerity.api.sensitive-fields are not filterable.\n\n"
                + "* `<column>=v`: the column is v; repeat the parameter for any of several values.\n"
                + "* `<column>.not=v`: the column is not v (or is empty); repeat it to exclude several values.\n"
                + "* `<column>.from=v`: the column is v or later (numbers, times and text only; once).\n"
                + "* `<column>.to=v`: the column is before v (numbers, times and text only; once).\n\n"
                + "Times are ISO-8601 instants such as 2026-11-21T10:00:00Z. All filters must hold. Example: "
                + "`?state=FAILURE&state=REVOKED&createdAt.from=2026-11-21T00:00:00Z&sort=-finishedAt`.";
    }

    private Parameter filters() {
        return OASFactory.createParameter()
                .name("filters")
                .in(Parameter.In.QUERY)
                .style(Parameter.Style.FORM)
                .explode(true)
                .description("The filters, each a query parameter of its own named `<column>`, `<column>.not`, "
                        + "`<column>.from` or `<column>.to`; see the operation's description.")
                .schema(object().additionalPropertiesSchema(string()))
                .example(new TreeMap<>(Map.of("state", "FAILURE", "createdAt.from", "2026-11-21T00:00:00Z")));
    }

    private Operation get() {
        return operation("celerityGetTask", "Read a task", "The task, as the caller may see it.")
                .responses(responses("200", json("The task.", ref(TASK)))
                        .addAPIResponse("400", badId())
                        .addAPIResponse("404", notFound()));
    }

    private Operation history() {
        return operation("celerityTaskHistory", "Read a task's history",
                "The task's changes of state, oldest first: the first change and the latest ones are kept.")
                .responses(responses("200", json("The task's history.", ref(TASK_HISTORY)))
                        .addAPIResponse("400", badId())
                        .addAPIResponse("404", notFound()));
    }

    private Operation workflow() {
        return operation("celerityTaskWorkflow", "Read a task's workflow",
                "The tasks of the workflow the task belongs to that the caller may see, in the order they were created "
                        + "(at most " + web.maxPageSize() + ", celerity.api.max-page-size; list more with "
                        + "?rootId=<root>), each with its state and its place in the workflow.")
                .responses(responses("200", json("The workflow's tasks.", ref(WORKFLOW_TASKS)))
                        .addAPIResponse("400", badId())
                        .addAPIResponse("404", problem("No task with this id that the caller may see, or the task is "
                                + "in no workflow.")));
    }

    private Operation revoke() {
        return action("celerityRevokeTask", "Revoke a task",
                "A task that has not started is recorded REVOKED and never runs. A running task is revoked only "
                        + "with {\"terminate\": true}: it is recorded REVOKED and the node running it interrupts it.",
                body("Empty (no options), or {\"terminate\": true} to revoke a running task.", ref(ACTION_REQUEST)))
                .responses(actionResponses("200", json("The revoked task.", ref(TASK)))
                        .addAPIResponse("409", problem("The task has ended, or it runs and terminate was not "
                                + "asked.")));
    }

    private Operation abort() {
        return action("celerityAbortTask", "Abort a task",
                "Asks the task to stop. A task that has not started ends ABORTED at once; a running one ends "
                        + "ABORTED when it returns or throws after having seen the request (a task that never looks "
                        + "runs to its end).", noOptions())
                .responses(actionResponses("200", json("The task, as it is after the request.", ref(TASK)))
                        .addAPIResponse("409", problem("The task has ended."))
                        .addAPIResponse("422", tookOptions("abort")));
    }

    private Operation retry() {
        return action("celerityRetryTask", "Retry a task",
                "Runs a task that ended without success (FAILURE, REVOKED, ABORTED, EXPIRED) again, as a new task "
                        + "with the same name, arguments, fields and priority; the ended task stays as it was.",
                noOptions())
                .responses(actionResponses("201", json("The new task.", ref(TASK))
                        .addHeader("Location", OASFactory.createHeader().description("The new task's URL.")
                                .schema(string().format("uri"))))
                        .addAPIResponse("409", problem("The task has not ended, or it succeeded."))
                        .addAPIResponse("422", tookOptions("retry")));
    }

    private Operation delete() {
        return operation("celerityDeleteTask", "Delete a task",
                "Deletes the task's record; a task that has not ended is revoked first (terminated if it runs).")
                .responses(responses("204", OASFactory.createAPIResponse().description("The task is deleted."))
                        .addAPIResponse("400", badId())
                        .addAPIResponse("404", notFound()));
    }

    /** An operation under Celerity's tag that requires an authenticated caller, unless the API is open. */
    Operation operation(String id, String summary, String description) {
        Operation operation = OASFactory.createOperation()
                .operationId(id)
                .summary(summary)
                .description(description)
                .addTag(TAG);
        if (!web.open()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME));
        }
        return operation;
    }

    private Operation action(String id, String summary, String description, RequestBody body) {
        return operation(id, summary, description).requestBody(body);
    }

    /** The path item of one task, with its {@code id} parameter. */
    private static PathItem task() {
        return OASFactory.createPathItem().addParameter(OASFactory.createParameter()
                .name("id")
                .in(Parameter.In.PATH)
                .required(true)
                .description("The task's id.")
                .schema(string().minLength(1).maxLength(TaskResource.MAX_ID_LENGTH)));
    }

    private static Parameter query(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description).schema(schema);
    }

    static RequestBody body(String description, Schema schema) {
        return OASFactory.createRequestBody().description(description).required(false).content(content(JSON, schema));
    }

    private static RequestBody noOptions() {
        return body("Empty, or {}: this action takes no options.",
                object().maxProperties(0).additionalPropertiesBoolean(false));
    }

    /** A success and the errors every operation may answer with. */
    APIResponses responses(String status, APIResponse success) {
        APIResponses responses = OASFactory.createAPIResponses().addAPIResponse(status, success);
        if (!web.open()) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse().description("The caller is not "
                    + "authenticated. The container's authentication mechanism answers, not the API."));
        }
        return responses.addAPIResponse("500", problem("The server failed; the problem names an incident id, logged "
                + "with the stack trace."));
    }

    /** A success and the errors every action with a request body may answer with. */
    private APIResponses actionResponses(String status, APIResponse success) {
        return responses(status, success)
                .addAPIResponse("400", problem("The id is not 1 to " + TaskResource.MAX_ID_LENGTH + " printable characters, or "
                        + "the body is neither empty nor a JSON object of this action's options."))
                .addAPIResponse("404", notFound())
                .addAPIResponse("413", problem("The body is larger than " + web.maxBodySize()
                        + " bytes (celerity.api.max-body-size)."))
                .addAPIResponse("415", problem("The body is not JSON: send Content-Type: application/json."));
    }

    private static APIResponse badId() {
        return problem("The id is not 1 to " + TaskResource.MAX_ID_LENGTH + " printable characters.");
    }

    private static APIResponse notFound() {
        return problem("There is no such task, or it is another owner's.");
    }

    private static APIResponse tookOptions(String action) {
        return problem("The body has options, such as terminate, which " + action + " does not take.");
    }

    static APIResponse json(String description, Schema schema) {
        return OASFactory.createAPIResponse().description(description).content(content(JSON, schema));
    }

    static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(content(Problem.MEDIA_TYPE,
                ref(PROBLEM)));
    }

    static Content content(String mediaType, Schema schema) {
        return OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType().schema(schema));
    }

    private Components components() {
        Components components = OASFactory.createComponents()
                .addSchema(TASK, taskSchema())
                .addSchema(TASK_ERROR, taskErrorSchema())
                .addSchema(TASK_PAGE, taskPageSchema())
                .addSchema(TASK_HISTORY, taskHistorySchema())
                .addSchema(TASK_WORKFLOW, taskWorkflowSchema())
                .addSchema(WORKFLOW_TASKS, workflowTasksSchema())
                .addSchema(STATE_CHANGE, stateChangeSchema())
                .addSchema(ACTION_REQUEST, actionRequestSchema())
                .addSchema(PROBLEM, problemSchema());
        schedules.addSchemas(components);
        stats.addSchemas(components);
        queues.addSchemas(components);
        if (!web.open()) {
            components.addSecurityScheme(SECURITY_SCHEME, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("basic")
                    .description("The application's own authentication mechanism (HTTP basic or any other the "
                            + "container offers); admins hold role " + web.adminRole()
                            + " (celerity.security.admin-role)."));
        }
        return components;
    }

    private static Schema taskSchema() {
        return object()
                .description("A task as the caller may see it. Values of sensitive fields, and arguments or result "
                        + "when sensitive, read \"" + TaskViews.REDACTED + "\" (celerity.api.sensitive-fields). "
                        + "Empty values are left out.")
                .addProperty("id", string().description("The task's id."))
                .addProperty("name", string().description("The task's name."))
                .addProperty("type", string().description("The task's type."))
                .addProperty("state", string().description("PENDING, QUEUED, SCHEDULED, STARTED, RETRY, SUCCESS, "
                        + "FAILURE, REVOKED, ABORTED, EXPIRED, SKIPPED, or a state of the application's own, such as "
                        + "PROGRESS, which counts as running."))
                .addProperty("version", int64().description("The record's version, which grows with each change."))
                .addProperty("owner", string().description("Whose task it is."))
                .addProperty("queue", string().description("The queue it is sent to."))
                .addProperty("attempt", int32().description("The attempt running or last run."))
                .addProperty("maxRetries", int32().description("How many times it may be retried on failure."))
                .addProperty("priority", int32().description("0 (lowest) to 9 (highest): waiting tasks of higher "
                        + "priority are delivered first."))
                .addProperty("createdAt", dateTime("When it was created."))
                .addProperty("startedAt", dateTime("When its latest attempt started."))
                .addProperty("finishedAt", dateTime("When it ended."))
                .addProperty("changedAt", dateTime("When its record last changed."))
                .addProperty("node", string().description("The node that runs or ran it."))
                .addProperty("eta", dateTime("When it is due, if scheduled."))
                .addProperty("expiresAt", dateTime("When it expires if not started by then."))
                .addProperty("schedule", string().description("The schedule whose run it is; absent for a task called "
                        + "directly."))
                .addProperty("abortRequested", bool().description("Whether it was asked to abort."))
                .addProperty("arguments", any("Its arguments, as JSON; null when there are none."))
                .addProperty("result", any("Its result, as JSON; null when there is none."))
                .addProperty("fields", object().additionalPropertiesBoolean(true)
                        .description("The application's own fields of the task, associations by their id."))
                .addProperty("error", ref(TASK_ERROR))
                .addProperty("workflow", ref(TASK_WORKFLOW))
                .required(List.of("id", "name", "state", "version", "queue", "attempt", "maxRetries", "priority",
                        "createdAt", "changedAt", "abortRequested", "arguments", "result"));
    }

    private static Schema nodeSchema() {
        return object()
                .addProperty("name", string().description("The node's name (celerity.node)."))
                .addProperty("runner", string().description("The name its runs are recorded under."))
                .addProperty("version", string().description("The Celerity version it runs."))
                .addProperty("startedAt", dateTime("When it started."))
                .addProperty("heartbeatAt", dateTime("Its last heartbeat."))
                .addProperty("lost", bool().description("Whether its last heartbeat is older than a lease."))
                .addProperty("workers", object().additionalPropertiesBoolean(true).description("Per queue it has "
                        + "workers for: concurrency (their maxSession, when known) and busy (deliveries handled now)."))
                .addProperty("running", array(object()
                        .addProperty("id", string()).addProperty("name", string()).addProperty("state", string())
                        .addProperty("startedAt", dateTime("When its current attempt started."))
                        .addProperty("attempt", int32())).description("The tasks it runs now."))
                .required(List.of("name", "runner", "version", "startedAt", "heartbeatAt", "lost", "workers",
                        "running"));
    }

    private static Schema taskWorkflowSchema() {
        return object()
                .description("Where a task stands in its workflow; absent for a task in none.")
                .addProperty("root", string().description("The workflow's id: its first task's id."))
                .addProperty("parent", string().description("The task whose end released it; absent for a first "
                        + "task."))
                .addProperty("waitsFor", int32().description("How many tasks a PENDING task still waits for."))
                .addProperty("links", object().additionalPropertiesBoolean(true).description("next: the tasks its "
                        + "end releases; onError: the error callbacks it guards; input: the ids whose results it "
                        + "receives as its first argument (a list for a group); failure: whether it receives a "
                        + "failure (an error callback)."))
                .required(List.of("root"));
    }

    private static Schema workflowTasksSchema() {
        return object()
                .description("The tasks of a workflow.")
                .addProperty("root", string().description("The workflow's id: its first task's id."))
                .addProperty("total", int64().description("How many of its tasks the caller may see."))
                .addProperty("tasks", array(ref(TASK)))
                .required(List.of("root", "total", "tasks"));
    }

    private static Schema taskErrorSchema() {
        return object()
                .description("Why a task failed.")
                .addProperty("type", string().description("The exception's class."))
                .addProperty("message", string().description("The exception's message."))
                .addProperty("trace", string().description("The stack trace; shown to admins only."));
    }

    private static Schema taskPageSchema() {
        return object()
                .description("A page of a list of tasks.")
                .addProperty("tasks", array(ref(TASK)))
                .addProperty("total", int64().description("How many tasks match, on all pages."))
                .addProperty("page", int32().description("This page's number, counting from 0."))
                .addProperty("size", int32().description("The page size asked for."))
                .required(List.of("tasks", "total", "page", "size"));
    }

    private static Schema taskHistorySchema() {
        return object()
                .description("A task's changes of state, oldest first.")
                .addProperty("id", string().description("The task's id."))
                .addProperty("changes", array(ref(STATE_CHANGE)))
                .required(List.of("id", "changes"));
    }

    private static Schema stateChangeSchema() {
        return object()
                .description("A change of a task's state.")
                .addProperty("state", string().description("The new state."))
                .addProperty("at", dateTime("When it changed."))
                .addProperty("node", string().description("The node that changed it."))
                .addProperty("attempt", int32().description("The attempt it belongs to."))
                .required(List.of("state", "at", "attempt"));
    }

    private static Schema actionRequestSchema() {
        return object()
                .description("The options of an action on a task; only revoke takes one.")
                .addProperty("terminate", bool().description("Revoke the task even if it runs, interrupting it."))
                .additionalPropertiesBoolean(false);
    }

    private static Schema problemSchema() {
        return object()
                .description("An RFC 9457 problem document.")
                .addProperty("type", string().description("Always about:blank: the status says what happened."))
                .addProperty("title", string().description("A short summary of the status, such as Not found."))
                .addProperty("status", int32().description("The HTTP status."))
                .addProperty("detail", string().description("What is wrong, for a person to read."))
                .addProperty("instance", string().description("The request's path, relative to the API."))
                .required(List.of("type", "title", "status"));
    }

    static Schema ref(String schema) {
        return OASFactory.createSchema().ref(schema);
    }

    static Schema object() {
        return SchemaTypes.of(SchemaType.OBJECT);
    }

    static Schema array(Schema items) {
        return SchemaTypes.of(SchemaType.ARRAY).items(items);
    }

    static Schema string() {
        return SchemaTypes.of(SchemaType.STRING);
    }

    static Schema dateTime(String description) {
        return string().format("date-time").description(description);
    }

    static Schema int32() {
        return SchemaTypes.of(SchemaType.INTEGER).format("int32");
    }

    static Schema int64() {
        return SchemaTypes.of(SchemaType.INTEGER).format("int64");
    }

    static Schema bool() {
        return SchemaTypes.of(SchemaType.BOOLEAN);
    }

    static Schema any(String description) {
        return OASFactory.createSchema().description(description);
    }
}
