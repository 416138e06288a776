package io.celerity.internal.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a probe of a resource on another thread and waits for it no longer than a timeout, so that a health endpoint
 * answers even while a database or broker hangs; at most one probe runs at a time (a hung one is waited for again, not
 * duplicated), and an answer is reused while it is fresh, so frequent health requests cost one probe.
 *
 * @param <T> what the probe returns when the resource answered
 */
public final class BoundedProbe<T> {

    /** What a probe found: its value, or why the resource did not answer, and when. */
    public record Result<T>(T value, String failure, Instant at) {

        public boolean up() {
            return failure == null;
        }
    }

    private final Supplier<T> probe;
    private final Duration timeout;
    private final Duration fresh;
    private final Clock clock;
    private Future<T> running;
    private Result<T> last;

    BoundedProbe(Supplier<T> probe, Duration timeout, Duration fresh, Clock clock) {
        this.probe = probe;
        this.timeout = timeout;
        this.fresh = fresh;
        this.clock = clock;
    }

    synchronized Result<T> result(ExecutorService executor) {
        Instant now = clock.instant();
        if (last != null && last.at().plus(fresh).isAfter(now)) {
            return last;
        }
        if (running == null) {
            running = executor.submit(probe::get);
        }
        try {
            last = new Result<>(running.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null, clock.instant());
            running = null;
        } catch (TimeoutException e) {
            last = new Result<>(null, "no answer within " + timeout.toMillis() + " ms", clock.instant());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            last = new Result<>(null, describe(cause), clock.instant());
            running = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result<>(null, "interrupted", clock.instant());
        }
        return last;
    }

    /** The innermost cause's message: the outer ones of JPA and JMS only wrap it. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
