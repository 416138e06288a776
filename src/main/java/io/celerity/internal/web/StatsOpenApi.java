package io.celerity.internal.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;

import static io.celerity.internal.web.CelerityOpenApi.array;
import static io.celerity.internal.web.CelerityOpenApi.dateTime;
import static io.celerity.internal.web.CelerityOpenApi.int64;
import static io.celerity.internal.web.CelerityOpenApi.json;
import static io.celerity.internal.web.CelerityOpenApi.object;
import static io.celerity.internal.web.CelerityOpenApi.problem;
import static io.celerity.internal.web.CelerityOpenApi.ref;
import static io.celerity.internal.web.CelerityOpenApi.string;

/** The OpenAPI description of {@link StatsResource}, part of {@link CelerityOpenApi}'s. */
final class StatsOpenApi {

    private static final String STATS = "CelerityStats";

    private final CelerityOpenApi api;

    StatsOpenApi(CelerityOpenApi api) {
        this.api = api;
    }

    void addPaths(Paths paths, String stats) {
        paths.addPathItem(stats, OASFactory.createPathItem().GET(stats()));
    }

    void addSchemas(Components components) {
        components.addSchema(STATS, statsSchema());
    }

    private Operation stats() {
        String admin = api.web().adminRole();
        return api.operation("celerityStats", "Read task statistics",
                        "The tasks started, succeeded, failed and retried over the last hour (60 buckets of a minute) "
                                + "or day (144 buckets of ten minutes), and run-time percentiles per task name, over "
                                + "every node, for holders of role " + admin + ". Buckets are aligned to their size; "
                                + "the last holds now. Each node writes its statistics at its heartbeat: this node's "
                                + "current minute is included, other nodes' appear after their next heartbeat. Kept "
                                + "for celerity.stats.keep.")
                .addParameter(OASFactory.createParameter().name("window").in(Parameter.In.QUERY)
                        .description("The window: the last hour or the last day.")
                        .schema(string().enumeration(List.<Object>of("hour", "day")).defaultValue("hour")))
                .responses(api.responses("200", json("The statistics of the window.", ref(STATS)))
                        .addAPIResponse("400", problem("The window is neither hour nor day."))
                        .addAPIResponse("403", problem("The caller does not hold role " + admin + ".")));
    }

    private static Schema statsSchema() {
        return object()
                .description("Task statistics of a window, from the per-minute rows of every node.")
                .addProperty("window", string().enumeration(List.<Object>of("hour", "day")))
                .addProperty("bucketSeconds", int64().description("The length of a bucket: 60 or 600."))
                .addProperty("from", dateTime("The start of the first bucket."))
                .addProperty("to", dateTime("The end of the last bucket (exclusive)."))
                .addProperty("series", array(object()
                        .addProperty("at", dateTime("The start of the bucket."))
                        .addProperty("started", int64().description("Runs started."))
                        .addProperty("succeeded", int64().description("Tasks that ended SUCCESS."))
                        .addProperty("failed", int64().description("Tasks that ended FAILURE."))
                        .addProperty("retried", int64().description("Runs that ended RETRY (to be run again)."))
                        .required(List.of("at", "started", "succeeded", "failed", "retried")))
                        .description("Every bucket of the window, oldest first, zeros where nothing happened."))
                .addProperty("runTimes", array(object()
                        .addProperty("task", string().description("The task name."))
                        .addProperty("count", int64().description("Runs that ended in the window."))
                        .addProperty("p50", millis("The median run time, estimated."))
                        .addProperty("p90", millis("The 90th percentile, estimated."))
                        .addProperty("p99", millis("The 99th percentile, estimated."))
                        .addProperty("max", millis("The longest run time, to the microsecond."))
                        .required(List.of("task", "count", "p50", "p90", "p99", "max")))
                        .description("Per task name that had runs end in the window, by name. Run times are counted "
                                + "in fixed buckets (1 ms to 1 h); a percentile is interpolated linearly within its "
                                + "bucket and never exceeds max."))
                .required(List.of("window", "bucketSeconds", "from", "to", "series", "runTimes"));
    }

    private static Schema millis(String description) {
        return SchemaTypes.of(SchemaType.NUMBER).format("double").description(description + " In milliseconds.");
    }
}
