package io.celerity.it.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** {@code app/gate/<key>}: opens a gate over HTTP, for tests that run outside the server (a browser test). */
@Path("gate")
@RequestScoped
public class GateOpener {

    @Inject
    Gate gate;

    @POST
    @Path("{key}")
    public void open(@PathParam("key") String key) {
        gate.open(key);
    }
}
