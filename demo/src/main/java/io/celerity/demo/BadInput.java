package io.celerity.demo;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bad input is the client's mistake: 400, with the reason. That is a body {@link Addition} refuses, or a task call
 * refused at enqueue (an unknown provider, a bad field).
 */
@Provider
public class BadInput implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return HttpProblems.problem(Response.Status.BAD_REQUEST, e.getMessage()).build();
    }
}
