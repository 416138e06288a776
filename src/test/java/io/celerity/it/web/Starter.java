package io.celerity.it.web;

import io.celerity.api.Canvas;
import io.celerity.api.TaskOptions;
import io.celerity.api.Tasks;
import io.celerity.api.Workflows;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code app/start/<kind>}: enqueues a task as the calling user, who becomes its owner (or with no owner when the
 * call is anonymous). The test application's way in, as a real application would have one.
 */
@Path("start")
@RequestScoped
public class Starter {

    @Inject
    WebTasks webTasks;

    @Inject
    Tasks tasks;

    @Inject
    Workflows workflows;

    @Inject
    Burst burst;

    @Inject
    Members members;

    @POST
    @Path("{kind}")
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String start(@PathParam("kind") String kind, @QueryParam("provider") Long provider,
                        @QueryParam("secret") String secret, @QueryParam("key") String key,
                        @QueryParam("countdown") Long countdownSeconds) {
        members.ensure();
        Map<String, Object> fields = new HashMap<>();
        fields.put("provider", provider);
        fields.put("secret", secret);
        TaskOptions options = TaskOptions.of(fields);
        if (countdownSeconds != null) {
            options = options.countdown(Duration.ofSeconds(countdownSeconds));
        }
        return switch (kind) {
            case "quick" -> tasks.with(options).call(() -> webTasks.add(1, 2)).id();
            case "slow" -> tasks.with(options).run(() -> webTasks.slow(key)).id();
            case "steps" -> tasks.with(options).run(() -> webTasks.steps(key)).id();
            case "parent" -> tasks.with(options).call(() -> webTasks.parent()).id();
            case "stalled" -> tasks.with(options).run(() -> webTasks.stalled()).id();
            case "fail" -> tasks.with(options).run(() -> webTasks.fail("it failed on purpose")).id();
            case "retry" -> tasks.with(options).run(() -> webTasks.retryOnce()).id();
            // the trace of this request, and the task it starts
            case "traced" -> Span.current().getSpanContext().getTraceId() + " "
                    + tasks.with(options).call(() -> webTasks.traced()).id();
            case "chain" -> workflows.start(Canvas.chain(
                    workflows.signature(() -> webTasks.add(1, 2)).with(options),
                    workflows.signature(() -> webTasks.add(0, 3)).with(options))).id();
            default -> throw new NotFoundException();
        };
    }

    /**
     * 500 quick tasks whose every event carries a 16 KB note: more than a feed client that stops reading can hold.
     * They commit in transactions of their own, and no transaction spans them all: none outlasts the tests' short JTA
     * timeout, even on a busy machine.
     */
    @POST
    @Path("burst")
    @Produces(MediaType.TEXT_PLAIN)
    public String burst(@QueryParam("provider") Long provider) {
        members.ensure();
        Map<String, Object> fields = new HashMap<>();
        fields.put("provider", provider);
        fields.put("note", "n".repeat(16_000));
        for (int i = 0; i < 500; i += Burst.PER_TRANSACTION) {
            burst.enqueue(fields);
        }
        return "500";
    }
}
