package io.celerity.demo;

import io.celerity.api.TaskHandle;
import io.celerity.api.TaskState;
import io.celerity.api.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The demo's own API: start additions, list a provider's tasks as AsyncTask does (excluding REVOKED). */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdditionResource {

    private static final String ADMIN = "celerity-admin";

    @Inject
    LongAddition addition;

    @Inject
    Tasks tasks;

    @PersistenceContext
    EntityManager em;

    public record Started(String id) {
    }

    public record TaskView(String id, String name, String state, long current, long total, String owner,
                           Long provider, String result, String error, Instant started, Instant finished,
                           long version) {

        static TaskView of(AsyncTask t) {
            return new TaskView(t.getId(), t.getName(), t.getState(), t.getCurrent(), t.getTotal(),
                    t.getOwner() == null ? null : t.getOwner().getLogin(),
                    t.getProvider() == null ? null : t.getProvider().getId(), t.getResult(),
                    t.getErrorMessage(), t.getStarted(), t.getFinished(), t.getVersion());
        }
    }

    public record Choice(long id, String label) {
    }

    public record Me(String name) {
    }

    @Context
    SecurityContext security;

    /** Who is signed in. */
    @GET
    @Path("me")
    public Me me() {
        return new Me(security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName());
    }

    /**
     * Starts an addition from a JSON {@link Addition}; its owner is the signed-in user, or for an admin the owner
     * account given. Like Celerity's own actions it takes {@code Content-Type: application/json} only: a page on
     * another site cannot send that type without asking this server first (CORS), so it cannot start tasks with a
     * visitor's credentials.
     */
    @POST
    @Path("additions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Started add(@Context HttpHeaders headers, String body) {
        if (headers.getMediaType() == null) {
            throw new NotSupportedException("send JSON with Content-Type: application/json");
        }
        Addition request = Addition.of(body);
        if (request.owner() != null && !security.isUserInRole(ADMIN)) {
            throw new ForbiddenException("only an admin starts tasks for someone else");
        }
        Map<String, Object> fields = request.owner() == null ? Map.of("provider", request.provider())
                : Map.of("owner", request.owner(), "provider", request.provider());
        TaskHandle<Integer> sum = tasks.with(fields).call(() -> addition.add(request.x(), request.y()));
        return new Started(sum.id());
    }

    /** AsyncTask's listing: a provider's tasks except revoked ones; the signed-in user's own, all for an admin. */
    @GET
    @Path("providers/{provider}/tasks")
    public List<TaskView> tasksOf(@PathParam("provider") long provider) {
        boolean admin = security.isUserInRole(ADMIN);
        TypedQuery<AsyncTask> query = em.createQuery("select t from AsyncTask t where t.provider.id = :provider "
                + "and t.state <> :revoked" + (admin ? "" : " and t.owner.login = :me")
                + " order by t.createdAt desc", AsyncTask.class);
        if (!admin) {
            query.setParameter("me", security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName());
        }
        return query.setParameter("provider", provider).setParameter("revoked", TaskState.REVOKED)
                .setMaxResults(50).getResultList().stream().map(TaskView::of).toList();
    }

    @GET
    @Path("providers")
    public List<Choice> providers() {
        return em.createQuery("select p from Provider p order by p.id", Provider.class).getResultList().stream()
                .map(p -> new Choice(p.getId(), p.getTitle())).toList();
    }
}
