package io.celerity.internal.json;

import io.celerity.internal.message.JsonMessage;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;

/**
 * How long a JSON text from outside the library (a request body, a broker message) may be, and how deep its arrays
 * and objects may nest. {@link #check} streams through the text before anything builds values from it, so a hostile
 * text is refused as malformed JSON, the same way whatever JSON-P provider the server has and whatever its own limits
 * (Parsson refuses nesting past 1000 levels with a bare {@code RuntimeException}).
 *
 * @param maxLength the most characters
 * @param maxDepth  the most arrays and objects open at once
 */
public record JsonLimits(int maxLength, int maxDepth) {

    /**
     * Checks a text against the limits.
     *
     * @throws Exceeded when it is too long or nests too deep
     * @throws JsonException when it is not JSON
     */
    public void check(String text) {
        if (text.length() > maxLength) {
            throw new Exceeded(JsonMessage.TOO_LONG.format(text.length(), maxLength));
        }
        int depth = 0;
        try (JsonParser parser = TaskJson.json().createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> depth = deeper(depth);
                    case END_ARRAY, END_OBJECT -> depth--;
                    default -> {
                    }
                }
            }
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // a provider's own way of refusing input, such as a limit of its own
            throw new JsonException(String.valueOf(e.getMessage()), e);
        }
    }

    private int deeper(int depth) {
        if (depth == maxDepth) {
            throw new Exceeded(JsonMessage.TOO_DEEP.format(maxDepth));
        }
        return depth + 1;
    }

    /** A text beyond the limits: refused before it is read, with what is wrong. */
    public static final class Exceeded extends JsonException {

        private static final long serialVersionUID = 1L;

        Exceeded(String message) {
            super(message);
        }
    }
}
