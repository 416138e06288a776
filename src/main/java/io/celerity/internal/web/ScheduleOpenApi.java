package io.celerity.internal.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.List;

import static io.celerity.internal.web.CelerityOpenApi.array;
import static io.celerity.internal.web.CelerityOpenApi.bool;
import static io.celerity.internal.web.CelerityOpenApi.content;
import static io.celerity.internal.web.CelerityOpenApi.dateTime;
import static io.celerity.internal.web.CelerityOpenApi.int32;
import static io.celerity.internal.web.CelerityOpenApi.int64;
import static io.celerity.internal.web.CelerityOpenApi.json;
import static io.celerity.internal.web.CelerityOpenApi.object;
import static io.celerity.internal.web.CelerityOpenApi.problem;
import static io.celerity.internal.web.CelerityOpenApi.ref;
import static io.celerity.internal.web.CelerityOpenApi.string;

/** The OpenAPI description of {@link ScheduleResource}, part of {@link CelerityOpenApi}'s. */
final class ScheduleOpenApi {

    static final String TAG = "Celerity schedules";

    private static final String SCHEDULE = "CeleritySchedule";
    private static final String SCHEDULE_LIST = "CelerityScheduleList";
    private static final String SCHEDULE_REQUEST = "CelerityScheduleRequest";

    private final CelerityOpenApi api;

    ScheduleOpenApi(CelerityOpenApi api) {
        this.api = api;
    }

    void addPaths(Paths paths, String schedules) {
        paths.addPathItem(schedules, OASFactory.createPathItem().GET(list()).POST(create()))
                .addPathItem(schedules + "/{name}", schedule().GET(get()).PUT(update()).DELETE(delete()))
                .addPathItem(schedules + "/{name}/enable", schedule().POST(switched("celerityEnableSchedule",
                        "Enable a schedule", "Its next run is computed from now.")))
                .addPathItem(schedules + "/{name}/disable", schedule().POST(switched("celerityDisableSchedule",
                        "Disable a schedule", "It keeps its definition and counts, and runs no more until enabled.")))
                .addPathItem(schedules + "/{name}/run", schedule().POST(run()));
    }

    void addSchemas(Components components) {
        components.addSchema(SCHEDULE, scheduleSchema())
                .addSchema(SCHEDULE_LIST, object().description("The schedules, by name.")
                        .addProperty("schedules", array(ref(SCHEDULE))).required(List.of("schedules")))
                .addSchema(SCHEDULE_REQUEST, requestSchema());
    }

    private Operation list() {
        return operation("celerityListSchedules", "List schedules", "Every schedule, by name.")
                .responses(responses("200", json("The schedules.", ref(SCHEDULE_LIST))));
    }

    private Operation create() {
        return operation("celerityCreateSchedule", "Create a schedule",
                "Stores a new schedule after checking all of it; its first run is computed from now.")
                .requestBody(request())
                .responses(bodyResponses("201", json("The schedule.", ref(SCHEDULE))
                        .addHeader("Location", OASFactory.createHeader().description("The schedule's URL.")
                                .schema(string().format("uri"))))
                        .addAPIResponse("409", problem("A schedule of that name exists.")));
    }

    private Operation get() {
        return operation("celerityGetSchedule", "Read a schedule", "The schedule, with its runs so far.")
                .responses(responses("200", json("The schedule.", ref(SCHEDULE)))
                        .addAPIResponse("404", notFound()));
    }

    private Operation update() {
        return operation("celerityUpdateSchedule", "Replace a schedule's definition",
                "Replaces the whole definition (a property left out takes its default, enabled included); its counts "
                        + "stay and its next run is computed from now.")
                .requestBody(request())
                .responses(bodyResponses("200", json("The schedule.", ref(SCHEDULE)))
                        .addAPIResponse("404", notFound()));
    }

    private Operation delete() {
        return operation("celerityDeleteSchedule", "Delete a schedule",
                "Deletes the schedule; its past runs stay. A schedule declared with @Periodic comes back at the next "
                        + "deployment.")
                .responses(responses("204", OASFactory.createAPIResponse().description("The schedule is deleted."))
                        .addAPIResponse("404", notFound()));
    }

    private Operation switched(String id, String summary, String description) {
        return operation(id, summary, description)
                .requestBody(emptyBody())
                .responses(actionResponses("200", json("The schedule.", ref(SCHEDULE))));
    }

    private Operation run() {
        return operation("celerityRunSchedule", "Run a schedule now",
                "Starts a run at once, outside the schedule's ticks and even when it is disabled; it counts as a run.")
                .requestBody(emptyBody())
                .responses(actionResponses("201", json("The run's task.", ref(CelerityOpenApi.TASK))
                        .addHeader("Location", OASFactory.createHeader().description("The task's URL.")
                                .schema(string().format("uri"))))
                        .addAPIResponse("409", problem("This node does not have the schedule's task.")));
    }

    private Operation operation(String id, String summary, String description) {
        return api.operation(id, summary, description).tags(List.of(TAG));
    }

    /** Every schedule operation answers 403 to callers without the admin role. */
    private APIResponses responses(String status, APIResponse success) {
        return api.responses(status, success).addAPIResponse("403", problem("The caller does not hold role "
                + api.web().adminRole() + "."));
    }

    private APIResponses bodyResponses(String status, APIResponse success) {
        return responses(status, success)
                .addAPIResponse("400", problem("The body is not a schedule (unknown property, wrong type), or the "
                        + "schedule is wrong: cron, zone, interval, task, arguments, fields, priority or expiry; the "
                        + "detail starts with its CELERITY id."))
                .addAPIResponse("413", problem("The body is larger than " + api.web().maxBodySize()
                        + " bytes (celerity.api.max-body-size)."))
                .addAPIResponse("415", problem("The body is not JSON: send Content-Type: application/json."));
    }

    private APIResponses actionResponses(String status, APIResponse success) {
        return responses(status, success)
                .addAPIResponse("404", notFound())
                .addAPIResponse("415", problem("Send Content-Type: application/json (the body is empty)."))
                .addAPIResponse("422", problem("The body is not empty: this action takes no options."));
    }

    private static APIResponse notFound() {
        return problem("There is no schedule of that name.");
    }

    private static RequestBody request() {
        return OASFactory.createRequestBody().required(true).description("The schedule's definition.")
                .content(content(CelerityOpenApi.JSON, ref(SCHEDULE_REQUEST)));
    }

    private static RequestBody emptyBody() {
        return OASFactory.createRequestBody().required(false).description("Empty: this action takes no options.")
                .content(content(CelerityOpenApi.JSON, object().maxProperties(0)));
    }

    private static PathItem schedule() {
        return OASFactory.createPathItem().addParameter(OASFactory.createParameter()
                .name("name")
                .in(Parameter.In.PATH)
                .required(true)
                .description("The schedule's name.")
                .schema(string().minLength(1).maxLength(200).pattern("^[A-Za-z0-9._:-]+$")));
    }

    private static Schema requestSchema() {
        return object()
                .description("A schedule's definition: exactly one of cron, every and at.")
                .addProperty("name", string().description("The schedule's name; on PUT it may be left out, or "
                        + "must be the path's."))
                .addProperty("task", string().description("The task's name (@BackgroundTask(name))."))
                .addProperty("cron", string().description("5 fields (minute hour day-of-month month day-of-week) or "
                        + "6 (second first), read as wall-clock time in zone."))
                .addProperty("every", string().description("An interval such as 10s, 15m or PT1H30M; at least "
                        + "celerity.schedule.min-interval."))
                .addProperty("at", dateTime("The instant of a one-off schedule."))
                .addProperty("zone", string().description("The cron's time zone, such as Europe/Berlin.")
                        .defaultValue("UTC"))
                .addProperty("arguments", array(OASFactory.createSchema()).description("The task's arguments, one "
                        + "JSON value per parameter.").defaultValue(List.of()))
                .addProperty("fields", object().additionalPropertiesSchema(string())
                        .description("Entity fields of every run, over the task's defaults."))
                .addProperty("priority", int32().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(9))
                        .description("The runs' priority instead of the task's."))
                .addProperty("expires", string().description("How long after it is enqueued a run that has not "
                        + "started expires, such as 5m."))
                .addProperty("missed", string().enumeration(List.<Object>of("RUN_ONCE", "SKIP")).defaultValue("RUN_ONCE")
                        .description("What to do with runs missed while no node could start them."))
                .addProperty("enabled", bool().defaultValue(true))
                .required(List.of("task"))
                .additionalPropertiesBoolean(false);
    }

    private static Schema scheduleSchema() {
        return object()
                .description("A schedule, its definition and its runs so far. Empty values are left out.")
                .addProperty("name", string())
                .addProperty("task", string())
                .addProperty("cron", string())
                .addProperty("every", string().description("ISO-8601, such as PT10S."))
                .addProperty("at", dateTime("The instant of a one-off schedule."))
                .addProperty("zone", string())
                .addProperty("arguments", array(OASFactory.createSchema()))
                .addProperty("fields", object().additionalPropertiesSchema(string()))
                .addProperty("priority", int32())
                .addProperty("expires", string().description("ISO-8601, such as PT5M."))
                .addProperty("missed", string().enumeration(List.<Object>of("RUN_ONCE", "SKIP")))
                .addProperty("enabled", bool())
                .addProperty("declared", bool().description("Declared with @Periodic: the next deployment sets its "
                        + "definition again."))
                .addProperty("nextRunAt", dateTime("When it runs next; absent when disabled or done."))
                .addProperty("lastRunAt", dateTime("The tick of its last run."))
                .addProperty("lastTaskId", string().description("The task of its last run."))
                .addProperty("runCount", int64().description("How many runs it started, runs now included."))
                .required(List.of("name", "task", "zone", "arguments", "fields", "missed", "enabled", "declared",
                        "runCount"));
    }
}
