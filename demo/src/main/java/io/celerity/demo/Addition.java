package io.celerity.demo;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Set;

/**
 * The body of {@code POST api/additions}: {@code {"x": 1, "y": 2, "provider": 7}}, and for an admin an
 * {@code "owner"} account id. Read strictly, every mistake an {@link IllegalArgumentException} (400, see
 * {@link BadInput}): x and y are whole numbers whose sum fits an {@code int}, provider is required, nothing else.
 */
public record Addition(int x, int y, long provider, Long owner) {

    private static final int MAX_LENGTH = 1024;
    private static final Set<String> PROPERTIES = Set.of("x", "y", "provider", "owner");
    private static final String EXAMPLE = "a JSON object such as {\"x\": 1, \"y\": 2, \"provider\": 1}";

    static Addition of(String body) {
        JsonObject json = object(body);
        if (!PROPERTIES.containsAll(json.keySet())) {
            throw new IllegalArgumentException("the body must be " + EXAMPLE + ", with an \"owner\" at most");
        }
        int x = operand(json, "x");
        int y = operand(json, "y");
        try {
            Math.addExact(x, y);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("x + y must lie between " + Integer.MIN_VALUE + " and "
                    + Integer.MAX_VALUE);
        }
        Long owner = json.containsKey("owner") && json.get("owner") != JsonValue.NULL ? id(json, "owner") : null;
        return new Addition(x, y, id(json, "provider"), owner);
    }

    private static JsonObject object(String body) {
        if (body == null || body.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the body must be " + EXAMPLE + " of at most " + MAX_LENGTH
                    + " characters");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            // malformed, not an object, or nested past the parser's limits (which Parsson reports as a bare
            // RuntimeException): all the client's mistake
            throw new IllegalArgumentException("the body must be " + EXAMPLE);
        }
    }

    private static int operand(JsonObject json, String name) {
        try {
            return number(json, name).intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE);
        }
    }

    private static long id(JsonObject json, String name) {
        try {
            return number(json, name).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be the id of an existing " + name);
        }
    }

    private static JsonNumber number(JsonObject json, String name) {
        if (json.get(name) instanceof JsonNumber number) {
            return number;
        }
        throw new IllegalArgumentException(name + " is required and must be a number");
    }
}
