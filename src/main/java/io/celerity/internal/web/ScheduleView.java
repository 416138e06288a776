package io.celerity.internal.web;

import io.celerity.api.Schedule;
import io.celerity.api.ScheduleDefinition;
import io.celerity.internal.json.TaskJson;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A schedule as the REST API shows it; durations in ISO-8601 ({@code PT10S}). */
public record ScheduleView(String name, String task, String cron, String every, Instant at, String zone,
                           JsonValue arguments, Map<String, String> fields, Integer priority, String expires,
                           String missed, boolean enabled, boolean declared, Instant nextRunAt, Instant lastRunAt,
                           String lastTaskId, long runCount) {

    static ScheduleView of(Schedule schedule) {
        ScheduleDefinition d = schedule.definition();
        JsonValue arguments;
        try (JsonReader reader = TaskJson.json().createReader(new StringReader(d.arguments()))) {
            arguments = reader.readValue();
        }
        return new ScheduleView(d.name(), d.task(), d.cron(), d.every() == null ? null : d.every().toString(), d.at(),
                d.zone().getId(), arguments, d.fields(), d.priority(),
                d.expires() == null ? null : d.expires().toString(), d.missed().name(), d.enabled(),
                schedule.declared(), schedule.nextRunAt(), schedule.lastRunAt(), schedule.lastTaskId(),
                schedule.runCount());
    }

    /** The schedules, as {@code GET schedules} returns them. */
    public record Listing(List<ScheduleView> schedules) {
    }
}
