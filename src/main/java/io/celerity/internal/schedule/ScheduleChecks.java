package io.celerity.internal.schedule;

import io.celerity.api.ScheduleDefinition;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.message.ScheduleMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;

import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a schedule's definition before anything is stored: its name, exactly one timing (cron, interval or
 * instant), the cron's syntax, the interval against {@code celerity.schedule.min-interval}, the task, the arguments
 * against the task's parameters, priority and expiry. The entity fields are checked by the caller, against the task
 * entity.
 */
final class ScheduleChecks {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    private static final Duration LONGEST = Duration.ofDays(3650);
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private ScheduleChecks() {
    }

    /**
     * @return the task the schedule runs
     * @throws IllegalArgumentException with a message (ids 07xx) saying what is wrong
     */
    static TaskDefinition check(ScheduleDefinition definition, TaskRegistry registry, Duration minInterval) {
        String name = definition.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(ScheduleMessage.BAD_NAME.format(name));
        }
        List<String> timings = new ArrayList<>();
        if (definition.cron() != null) {
            timings.add("cron");
        }
        if (definition.every() != null) {
            timings.add("every");
        }
        if (definition.at() != null) {
            timings.add("at");
        }
        if (timings.size() != 1) {
            throw new IllegalArgumentException(ScheduleMessage.TIMING.format(name,
                    timings.isEmpty() ? "none" : String.join(" and ", timings)));
        }
        if (definition.cron() != null) {
            try {
                CronExpression.parse(definition.cron());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ScheduleMessage.BAD_CRON.format(name, e.getMessage()), e);
            }
        }
        if (definition.every() != null && definition.every().compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(ScheduleMessage.OUT_OF_RANGE.format(name, "every", definition.every(),
                    "use at most ten years (P3650D)"));
        }
        if (definition.at() != null && (definition.at().isBefore(EARLIEST) || definition.at().isAfter(LATEST))) {
            throw new IllegalArgumentException(ScheduleMessage.OUT_OF_RANGE.format(name, "at", definition.at(),
                    "use an instant from 1970 to 9999"));
        }
        if (definition.expires() != null && definition.expires().compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(ScheduleMessage.OUT_OF_RANGE.format(name, "expires",
                    definition.expires(), "use at most ten years (P3650D)"));
        }
        if (definition.every() != null && (definition.every().compareTo(minInterval) < 0
                || definition.every().toMillis() < 1)) {
            throw new IllegalArgumentException(ScheduleMessage.INTERVAL_TOO_SHORT.format(name, definition.every(),
                    minInterval));
        }
        required(definition.zone(), "the zone");
        required(definition.missed(), "the missed-run policy");
        required(definition.fields(), "the fields");
        if (definition.task() == null) {
            throw new IllegalArgumentException(ScheduleMessage.MISSING.format("the task of schedule " + name));
        }
        TaskDefinition task = registry.byName(definition.task()).orElseThrow(() -> new IllegalArgumentException(
                ScheduleMessage.UNKNOWN_TASK.format(name, definition.task(), registry.all().stream()
                        .map(TaskDefinition::name).collect(Collectors.toCollection(TreeSet::new)))));
        checkArguments(name, task, definition.arguments());
        if (definition.priority() != null && (definition.priority() < 0 || definition.priority() > 9)) {
            throw new IllegalArgumentException(ScheduleMessage.BAD_PRIORITY.format(name, definition.priority()));
        }
        if (definition.expires() != null && (definition.expires().isNegative() || definition.expires().isZero())) {
            throw new IllegalArgumentException(ScheduleMessage.BAD_EXPIRES.format(name,
                    definition.expires() + " is not positive"));
        }
        return task;
    }

    private static void checkArguments(String name, TaskDefinition task, String arguments) {
        if (arguments == null) {
            throw new IllegalArgumentException(ScheduleMessage.MISSING.format("the arguments of schedule " + name));
        }
        try {
            TaskJson.readArguments(arguments, task.parameterTypes());
            checkScalars(arguments, task.parameterTypes());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(ScheduleMessage.BAD_ARGUMENTS.format(name, arguments, task.name(),
                    Arrays.stream(task.parameterTypes()).map(Type::getTypeName).collect(Collectors.joining(", ")),
                    e.getMessage()), e);
        }
    }

    /**
     * JSON-B reads {@code "yes"} as a boolean and {@code "7"} as a number; a schedule's arguments are written by hand,
     * so a scalar parameter takes a JSON value of its own kind only.
     */
    private static void checkScalars(String arguments, Type[] types) {
        JsonArray values;
        try (JsonReader reader = TaskJson.json().createReader(new StringReader(arguments))) {
            values = reader.readArray();
        }
        for (int i = 0; i < types.length; i++) {
            JsonValue.ValueType given = values.get(i).getValueType();
            if (given == JsonValue.ValueType.NULL && !(types[i] instanceof Class<?> c && c.isPrimitive())) {
                continue;
            }
            Set<JsonValue.ValueType> allowed = scalarKinds(types[i]);
            if (allowed != null && !allowed.contains(given)) {
                throw new IllegalArgumentException("argument " + i + " is " + values.get(i) + ", not a JSON "
                        + (allowed.contains(JsonValue.ValueType.NUMBER) ? "number"
                        : allowed.contains(JsonValue.ValueType.STRING) ? "string" : "boolean"));
            }
        }
    }

    private static Set<JsonValue.ValueType> scalarKinds(Type type) {
        if (type == boolean.class || type == Boolean.class) {
            return Set.of(JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE);
        }
        if (type instanceof Class<?> c && (c.isPrimitive() && c != char.class || Number.class.isAssignableFrom(c))) {
            return Set.of(JsonValue.ValueType.NUMBER);
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return Set.of(JsonValue.ValueType.STRING);
        }
        return null;
    }

    private static void required(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(ScheduleMessage.MISSING.format(what));
        }
    }
}
