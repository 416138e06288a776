package ${package};

import io.celerity.api.TaskHandle;
import io.celerity.api.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.Set;

/**
 * The application's own API. {@code POST api/additions} with {@code {"x": 1, "y": 2, "provider": 1}} starts a long
 * addition owned by the signed-in user and answers its task id; Celerity's REST API ({@code celerity/api/tasks})
 * shows it, to its owner and to admins only.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdditionResource {

    private static final Set<String> PROPERTIES = Set.of("x", "y", "provider");

    @Inject
    LongAddition addition;

    @Inject
    Tasks tasks;

    @PersistenceContext
    EntityManager em;

    @Context
    SecurityContext security;

    public record Started(String id) {
    }

    public record Me(String name) {
    }

    public record Choice(long id, String title) {
    }

    /**
     * Starts an addition. JSON with {@code Content-Type: application/json} only, as Celerity's own actions: a page on
     * another site cannot send that type without asking this server first, so it cannot start tasks with a visitor's
     * credentials.
     */
    @POST
    @Path("additions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Started add(@Context HttpHeaders headers, JsonObject body) {
        if (headers.getMediaType() == null) {
            throw new NotSupportedException("send JSON with Content-Type: application/json");
        }
        if (body == null || !PROPERTIES.containsAll(body.keySet())) {
            throw bad("send a JSON object such as {\"x\": 1, \"y\": 2, \"provider\": 1}");
        }
        int x = whole(body, "x");
        int y = whole(body, "y");
        long provider = whole(body, "provider");
        try {
            Math.addExact(x, y);
        } catch (ArithmeticException e) {
            throw bad("x + y must lie between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        Provider chosen = em.find(Provider.class, provider);
        if (chosen == null) {
            throw bad("provider " + provider + " does not exist");
        }
        Account owner = me();
        // the task's fields, set through your entity's class and checked by the compiler (Map.of("owner", ...,
        // "provider", ...) works too, as AsyncTask's fields= does)
        TaskHandle<Integer> sum = tasks.with(AsyncTask.class, t -> {
            t.setOwner(owner);
            t.setProvider(chosen);
        }).call(() -> addition.add(x, y));
        return new Started(sum.id());
    }

    /** Who is signed in. */
    @GET
    @Path("me")
    public Me whoAmI() {
        return new Me(security.getUserPrincipal().getName());
    }

    @GET
    @Path("providers")
    public List<Choice> providers() {
        return em.createQuery("select p from Provider p order by p.id", Provider.class).getResultList().stream()
                .map(p -> new Choice(p.getId(), p.getTitle())).toList();
    }

    private Account me() {
        String login = security.getUserPrincipal().getName();
        return em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", login).getResultStream().findFirst()
                .orElseThrow(() -> new ForbiddenException("no account for " + login));
    }

    private static int whole(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                // past an int: refused below
            }
        }
        throw bad(name + " must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }

    /** A 400 that says what is wrong, as an RFC 9457 problem document like Celerity's own. */
    private static BadRequestException bad(String detail) {
        return new BadRequestException(detail, Response.status(Response.Status.BAD_REQUEST)
                .type("application/problem+json")
                .entity(Json.createObjectBuilder().add("title", "Bad Request").add("status", 400)
                        .add("detail", detail).build().toString())
                .build());
    }
}
