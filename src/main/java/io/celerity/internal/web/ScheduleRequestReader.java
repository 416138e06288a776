package io.celerity.internal.web;

import io.celerity.api.MissedRun;
import io.celerity.api.ScheduleDefinition;
import io.celerity.internal.json.JsonLimits;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.registry.Durations;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a schedule from a request body strictly: a JSON object with only the known properties, each of its type;
 * every mistake is a 400 naming the property. What the properties mean is checked afterwards, by the schedules.
 */
final class ScheduleRequestReader {

    private static final JsonLimits LIMITS = new JsonLimits(Integer.MAX_VALUE, ActionRequestReader.MAX_DEPTH);
    private static final Set<String> PROPERTIES = Set.of("name", "task", "cron", "every", "at", "zone", "arguments",
            "fields", "priority", "expires", "missed", "enabled");

    private ScheduleRequestReader() {
    }

    /** @param name the schedule's name from the path, or {@code null} when the body gives it */
    static ScheduleDefinition read(InputStream body, String name) throws IOException {
        JsonObject object = object(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        for (String property : object.keySet()) {
            if (!PROPERTIES.contains(property)) {
                throw ApiProblem.badRequest("unknown property '" + property + "'; a schedule has " + PROPERTIES);
            }
        }
        String given = text(object, "name");
        if (name != null && given != null && !given.equals(name)) {
            throw ApiProblem.badRequest("the body names schedule '" + given + "' but the path names '" + name + "'");
        }
        String scheduleName = name != null ? name : given;
        String cron = text(object, "cron");
        Duration every = duration(object, "every");
        Instant at = instant(object);
        ScheduleDefinition definition = every != null ? ScheduleDefinition.every(scheduleName, every)
                : at != null ? ScheduleDefinition.once(scheduleName, at)
                : ScheduleDefinition.cron(scheduleName, cron);
        if ((cron != null ? 1 : 0) + (every != null ? 1 : 0) + (at != null ? 1 : 0) > 1) {
            throw ApiProblem.badRequest("give exactly one of 'cron', 'every' and 'at'");
        }
        JsonValue arguments = object.getOrDefault("arguments", JsonValue.EMPTY_JSON_ARRAY);
        if (arguments.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiProblem.badRequest("'arguments' must be a JSON array of the task's arguments, such as [7]");
        }
        definition = definition.zone(zone(object)).task(text(object, "task"), arguments.toString())
                .fields(fields(object)).missed(missed(object));
        if (object.containsKey("priority")) {
            definition = definition.priority(integer(object, "priority"));
        }
        Duration expires = duration(object, "expires");
        if (expires != null) {
            definition = definition.expires(expires);
        }
        if (object.containsKey("enabled")) {
            JsonValue enabled = object.get("enabled");
            if (enabled != JsonValue.TRUE && enabled != JsonValue.FALSE) {
                throw ApiProblem.badRequest("'enabled' must be true or false");
            }
            definition = definition.enabled(enabled == JsonValue.TRUE);
        }
        return definition;
    }

    private static JsonObject object(String text) {
        try {
            LIMITS.check(text);
        } catch (JsonLimits.Exceeded e) {
            throw ApiProblem.badRequest(e.getMessage());
        } catch (JsonException e) {
            throw notAnObject();
        }
        try (JsonParser parser = TaskJson.json().createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw notAnObject();
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                throw notAnObject();
            }
            return object;
        } catch (JsonException | IllegalStateException e) {
            throw notAnObject();
        }
    }

    private static ApiProblem notAnObject() {
        return ApiProblem.badRequest("the body must be a JSON object such as {\"name\": \"nightly\", \"task\": "
                + "\"report\", \"cron\": \"0 30 2 * * *\", \"zone\": \"Europe/Berlin\", \"arguments\": [7]}");
    }

    private static String text(JsonObject object, String property) {
        JsonValue value = object.get(property);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw ApiProblem.badRequest("'" + property + "' must be a string");
        }
        return string.getString();
    }

    private static int integer(JsonObject object, String property) {
        JsonValue value = object.get(property);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw ApiProblem.badRequest("'" + property + "' must be a whole number");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw ApiProblem.badRequest("'" + property + "' is out of range");
        }
    }

    private static Duration duration(JsonObject object, String property) {
        String text = text(object, property);
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("'" + property + "': " + e.getMessage());
        }
    }

    private static Instant instant(JsonObject object) {
        String text = text(object, "at");
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest("'at' must be an instant such as 2027-01-01T00:00:00Z, not '" + text + "'");
        }
    }

    private static ZoneId zone(JsonObject object) {
        String text = text(object, "zone");
        try {
            return text == null ? ZoneOffset.UTC : ZoneId.of(text);
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest("'zone' must be a time zone id such as Europe/Berlin or UTC, not '" + text
                    + "'");
        }
    }

    private static Map<String, String> fields(JsonObject object) {
        JsonValue value = object.get("fields");
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject fields)) {
            throw ApiProblem.badRequest("'fields' must be an object of entity fields, such as {\"owner\": \"alice\"}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((field, fieldValue) -> {
            switch (fieldValue.getValueType()) {
                case STRING -> values.put(field, ((JsonString) fieldValue).getString());
                case NUMBER, TRUE, FALSE -> values.put(field, fieldValue.toString());
                default -> throw ApiProblem.badRequest("field '" + field + "' must be a string, number or boolean");
            }
        });
        return values;
    }

    private static MissedRun missed(JsonObject object) {
        String text = text(object, "missed");
        if (text == null) {
            return MissedRun.RUN_ONCE;
        }
        try {
            return MissedRun.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("'missed' must be RUN_ONCE or SKIP, not '" + text + "'");
        }
    }
}
