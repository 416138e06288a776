package io.celerity.internal.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body of an action that takes no options: declared JSON (a browser cannot send that type to another site without
 * asking it first, so a foreign page cannot act with a visitor's credentials) and empty.
 */
final class EmptyJsonBody {

    private EmptyJsonBody() {
    }

    /**
     * @param notJson  the problem's detail when the body is not declared JSON (415)
     * @param notEmpty the problem's detail when the body is not empty (422)
     */
    static void require(HttpHeaders headers, InputStream entity, String notJson, String notEmpty) throws IOException {
        MediaType type = headers.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            throw new ApiProblem(415, "Unsupported media type", notJson);
        }
        if (!new String(entity.readAllBytes(), StandardCharsets.UTF_8).isBlank()) {
            throw new ApiProblem(422, "Unprocessable content", notEmpty);
        }
    }
}
