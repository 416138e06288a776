package io.celerity.internal.json;

import io.celerity.api.CelerityException;
import io.celerity.api.TaskMeta;
import io.celerity.internal.message.JsonMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.lang.reflect.Type;

/** Arguments and results as JSON, through JSON-B; their types come from the task method's signature. */
public final class TaskJson {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** Looked up once: Json.createReader looks the provider up through the class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private TaskJson() {
    }

    public static Jsonb jsonb() {
        return JSONB;
    }

    public static JsonProvider json() {
        return JSON;
    }

    /** The arguments as a JSON array. */
    public static String writeArguments(String task, Object[] args, Type[] types) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(writeValue(task, "argument " + i, args[i], types[i]));
        }
        return fitting(task, "the arguments", json.append(']').toString());
    }

    /** The JSON text, if a task row holds it. */
    private static String fitting(String task, String what, String json) {
        if (json.length() > TaskMeta.MAX_TEXT) {
            throw new IllegalArgumentException(JsonMessage.TOO_LONG_FOR_ROW.format(what, task, json.length(),
                    TaskMeta.MAX_TEXT));
        }
        return json;
    }

    /** Reads back the arguments written by {@link #writeArguments}. */
    public static Object[] readArguments(String json, Type[] types) {
        JsonArray array;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            array = reader.readArray();
        } catch (RuntimeException e) {
            throw new CelerityException(JsonMessage.ARGUMENTS_NOT_AN_ARRAY.format(e.getMessage()), e);
        }
        if (array.size() != types.length) {
            throw new CelerityException(JsonMessage.ARGUMENT_COUNT.format(array.size(), types.length));
        }
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = readValue(array.get(i), types[i]);
        }
        return args;
    }

    public static String writeValue(String task, String what, Object value, Type type) {
        if (value == null) {
            return "null";
        }
        try {
            return fitting(task, what, JSONB.toJson(value, type));
        } catch (JsonbException | ClassCastException e) {
            throw new IllegalArgumentException(JsonMessage.NOT_WRITABLE.format(what, task,
                    value.getClass().getName(), type.getTypeName(), e.getMessage()), e);
        }
    }

    public static Object readValue(String json, Type type) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader("[" + json + "]"))) {
            return readValue(reader.readArray().get(0), type);
        }
    }

    private static Object readValue(JsonValue value, Type type) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return type instanceof Class<?> c ? JsonTypes.defaultValue(c) : null;
        }
        try {
            return JSONB.fromJson(value.toString(), type);
        } catch (JsonbException e) {
            throw new CelerityException(JsonMessage.NOT_READABLE.format(value, type.getTypeName(),
                    e.getMessage()), e);
        }
    }
}
