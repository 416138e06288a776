package io.celerity.internal.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Reads an action's body strictly: empty is no options, unknown properties and wrong types are refused. */
@Consumes(MediaType.APPLICATION_JSON)
class ActionRequestReader implements MessageBodyReader<ActionRequest> {

    private static final Jsonb STRICT = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ActionRequest.class;
    }

    @Override
    public ActionRequest readFrom(Class<ActionRequest> type, Type genericType, Annotation[] annotations,
                                  MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body)
            throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return ActionRequest.NONE;
        }
        try {
            ActionRequest request = STRICT.fromJson(text, ActionRequest.class);
            return request == null ? ActionRequest.NONE : request;
        } catch (JsonbException e) {
            throw ApiProblem.badRequest("the body must be empty or a JSON object such as {\"terminate\": true}, "
                    + "with no other properties");
        }
    }
}
