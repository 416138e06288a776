package io.celerity.internal.web;

import io.celerity.api.TaskNotFoundException;
import io.celerity.internal.message.WebMessage;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every error of the REST API with a problem document: the client's mistakes with a 4xx and what is wrong,
 * anything else with a 500 that names only an incident id, logged with the stack trace. Never a stack trace or an
 * HTML page.
 */
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable error) {
        String path = uri == null ? null : instance(uri);
        Optional<String> tooLarge = BodyLimit.tooLarge(error);
        if (tooLarge.isPresent()) {
            return problem(413, "Content too large", tooLarge.get(), path).build();
        }
        if (error instanceof ApiProblem problem) {
            return problem(problem.status(), problem.title(), problem.getMessage(), path).build();
        }
        if (error instanceof TaskNotFoundException) {
            return problem(404, "Not found", "there is no such task", path).build();
        }
        if (error instanceof WebApplicationException web) {
            Response original = web.getResponse();
            Response.StatusType status = original.getStatusInfo();
            Response.ResponseBuilder response = problem(status.getStatusCode(), status.getReasonPhrase(),
                    detail(status.getStatusCode()), path);
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> response.header(name, value));
                }
            });
            return response.build();
        }
        if (error instanceof ProcessingException) {
            return problem(400, "Bad request", "the request body is not valid JSON for this operation", path).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, WebMessage.INCIDENT.format(incident, path), error);
        return problem(500, "Internal server error", "the server failed; incident " + incident + " is logged", path)
                .build();
    }

    /** The request's path relative to the API, with one leading slash (Jersey gives it without, RESTEasy with). */
    static String instance(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/+", "");
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "authentication is required";
            case 403 -> "you may not do this";
            case 404 -> "there is no such resource";
            case 405 -> "this method is not allowed here; see the Allow header";
            case 406 -> "the API answers in JSON only";
            case 415 -> "send JSON (Content-Type: application/json)";
            default -> "the request cannot be served";
        };
    }

    static Response.ResponseBuilder problem(int status, String title, String detail, String instance) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail, instance));
    }
}
