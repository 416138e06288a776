package io.celerity.demo;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The refusals of the HTTP exchange itself (an unknown path, a wrong method or media type, a forbidden action) as
 * RFC 9457 problem documents too, like every other error of the demo's API, rather than the server's HTML pages.
 */
@Provider
public class HttpProblems implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.ResponseBuilder problem = problem(original.getStatusInfo(), e.getMessage());
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> problem.header(name, value));
            }
        });
        return problem.build();
    }

    static Response.ResponseBuilder problem(Response.StatusType status, String detail) {
        return Response.status(status.getStatusCode())
                .type("application/problem+json")
                .entity(Json.createObjectBuilder()
                        .add("title", status.getReasonPhrase())
                        .add("status", status.getStatusCode())
                        .add("detail", String.valueOf(detail))
                        .build().toString());
    }
}
