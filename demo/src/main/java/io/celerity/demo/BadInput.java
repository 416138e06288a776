package io.celerity.demo;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A task call refused at enqueue (an unknown provider, a bad field) is the client's mistake: 400, with the reason. */
@Provider
public class BadInput implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type("application/problem+json")
                .entity(Json.createObjectBuilder()
                        .add("title", "Bad Request")
                        .add("status", 400)
                        .add("detail", String.valueOf(e.getMessage()))
                        .build().toString())
                .build();
    }
}
