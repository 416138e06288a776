package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code <celerity.api.path>/feed-tickets}: a ticket to open the WebSocket feed as the caller of this request
 * ({@code ?ticket=…} on the feed's address), for clients whose handshake cannot carry their credentials.
 */
@Path("feed-tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FeedTicketResource {

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Inject
    FeedTickets tickets;

    @Inject
    CelerityConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(InputStream entity) throws IOException {
        Caller caller = Caller.of(configuration, security, config.web());
        EmptyJsonBody.require(headers, entity, "ask with Content-Type: application/json and an empty body",
                "a ticket takes no options; send an empty body");
        return Response.status(Response.Status.CREATED).entity(tickets.issue(caller)).build();
    }
}
