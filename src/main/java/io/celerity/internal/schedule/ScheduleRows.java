package io.celerity.internal.schedule;

import io.celerity.api.MissedRun;
import io.celerity.api.Schedule;
import io.celerity.api.ScheduleDefinition;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.store.ScheduleRow;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between a schedule's definition, its row and the {@link Schedule} the API returns. */
final class ScheduleRows {

    private ScheduleRows() {
    }

    /** A row for a definition, not yet due, with the counts of {@code counts} (or none). */
    static ScheduleRow row(ScheduleDefinition definition, boolean declared, ScheduleRow counts) {
        return new ScheduleRow(definition.name(), definition.task(), definition.cron(),
                definition.every() == null ? null : definition.every().toMillis(),
                definition.at() == null ? null : definition.at().toEpochMilli(), definition.zone().getId(),
                definition.arguments(),
                fields(definition.fields()), definition.priority(),
                definition.expires() == null ? null : definition.expires().toMillis(), definition.missed().name(),
                definition.enabled(), declared, null,
                counts == null ? null : counts.lastRunAt(), counts == null ? null : counts.lastTaskId(),
                counts == null ? 0 : counts.runCount(), counts == null ? 0 : counts.version());
    }

    static ScheduleDefinition definition(ScheduleRow row) {
        ScheduleDefinition definition = row.cron() != null ? ScheduleDefinition.cron(row.name(), row.cron())
                : row.everyMillis() != null ? ScheduleDefinition.every(row.name(), Duration.ofMillis(row.everyMillis()))
                : ScheduleDefinition.once(row.name(), Instant.ofEpochMilli(row.atMillis()));
        definition = definition.zone(ZoneId.of(row.zone())).task(row.taskName(), row.arguments())
                .fields(fields(row.fields())).missed(MissedRun.valueOf(row.missed())).enabled(row.enabled());
        if (row.priority() != null) {
            definition = definition.priority(row.priority());
        }
        if (row.expiresMillis() != null) {
            definition = definition.expires(Duration.ofMillis(row.expiresMillis()));
        }
        return definition;
    }

    static Schedule schedule(ScheduleRow row) {
        return new Schedule(definition(row), row.declared(), instant(row.nextRunAt()), instant(row.lastRunAt()),
                row.lastTaskId(), row.runCount());
    }

    /** Whether two rows define the same schedule, whatever their counts and next tick. */
    static boolean sameDefinition(ScheduleRow a, ScheduleRow b) {
        return definition(a).enabled(true).equals(definition(b).enabled(true)) && a.declared() == b.declared();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static String fields(Map<String, String> fields) {
        JsonObjectBuilder object = TaskJson.json().createObjectBuilder();
        fields.forEach(object::add);
        return object.build().toString();
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonReader reader = TaskJson.json().createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> fields.put(name, ((JsonString) value).getString()));
        }
        return fields;
    }
}
