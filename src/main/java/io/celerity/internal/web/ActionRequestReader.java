package io.celerity.internal.web;

import io.celerity.internal.json.JsonLimits;
import io.celerity.internal.json.TaskJson;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads an action's body strictly: empty is no options; anything but a JSON object with a boolean
 * {@code terminate} is refused, and so is a body nested deeper than {@link #MAX_DEPTH} levels (its size is bounded by
 * {@link BodyLimit}). It reads the request's entity stream itself rather than through a message body reader, so that
 * no JSON provider of the server can answer instead, more leniently.
 */
final class ActionRequestReader {

    static final int MAX_DEPTH = 32;
    private static final JsonLimits LIMITS = new JsonLimits(Integer.MAX_VALUE, MAX_DEPTH);

    private ActionRequestReader() {
    }

    static ActionRequest read(InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return ActionRequest.NONE;
        }
        try {
            LIMITS.check(text);
        } catch (JsonLimits.Exceeded e) {
            throw ApiProblem.badRequest(e.getMessage());
        } catch (JsonException e) {
            throw invalid();
        }
        JsonObject object;
        try (JsonParser parser = TaskJson.json().createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw invalid();
            }
            object = parser.getObject();
            if (parser.hasNext()) {
                throw invalid();
            }
        } catch (JsonException | IllegalStateException e) {
            throw invalid();
        }
        if (!object.keySet().stream().allMatch("terminate"::equals)) {
            throw invalid();
        }
        JsonValue terminate = object.get("terminate");
        if (terminate == null || terminate == JsonValue.NULL) {
            return ActionRequest.NONE;
        }
        if (terminate.getValueType() != JsonValue.ValueType.TRUE && terminate.getValueType() != JsonValue.ValueType.FALSE) {
            throw invalid();
        }
        return new ActionRequest(terminate.getValueType() == JsonValue.ValueType.TRUE);
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("the body must be empty or a JSON object such as {\"terminate\": true}, "
                + "with no other properties");
    }
}
