package io.celerity.internal.monitoring;

import io.celerity.internal.message.WorkerMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a probe of a resource on another thread and waits for it no longer than a timeout, so that a health endpoint
 * answers even while a database or broker hangs; at most one probe runs at a time (a hung one is waited for again, not
 * duplicated), and an answer is reused while it is fresh, so frequent health requests cost one probe. A failure is
 * described by the exception's class only: health answers are public, and causes name hosts, users and URLs; the full
 * cause is logged once, when the resource stops answering.
 *
 * @param <T> what the probe returns when the resource answered
 */
public final class BoundedProbe<T> {

    private static final Logger LOG = Logger.getLogger(BoundedProbe.class.getName());

    /** What a probe found: its value, or why the resource did not answer, and when. */
    public record Result<T>(T value, String failure, Instant at) {

        public boolean up() {
            return failure == null;
        }
    }

    private final String resource;
    private final Supplier<T> probe;
    private final Duration timeout;
    private final Duration fresh;
    private final Clock clock;
    private Future<T> running;
    private Result<T> last;

    BoundedProbe(String resource, Supplier<T> probe, Duration timeout, Duration fresh, Clock clock) {
        this.resource = resource;
        this.probe = probe;
        this.timeout = timeout;
        this.fresh = fresh;
        this.clock = clock;
    }

    /** Starts a probe unless one runs or the last answer is fresh: another check can wait for it meanwhile. */
    synchronized void start(ExecutorService executor) {
        if (running == null && !isFresh()) {
            try {
                running = executor.submit(probe::get);
            } catch (RejectedExecutionException e) {
                running = null;
            }
        }
    }

    /** The fresh answer, or a new one within the timeout. */
    synchronized Result<T> result(ExecutorService executor) {
        if (isFresh()) {
            return last;
        }
        start(executor);
        if (running == null) {
            return record(new Result<>(null, "stopped", clock.instant()), null);
        }
        try {
            T value = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            running = null;
            return record(new Result<>(value, null, clock.instant()), null);
        } catch (TimeoutException e) {
            return record(new Result<>(null, "no answer within " + timeout.toMillis() + " ms", clock.instant()), e);
        } catch (ExecutionException e) {
            running = null;
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return record(new Result<>(null, "failed: " + innermost(cause).getClass().getSimpleName(),
                    clock.instant()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result<>(null, "interrupted", clock.instant());
        }
    }

    private boolean isFresh() {
        return last != null && last.at().plus(fresh).isAfter(clock.instant());
    }

    private Result<T> record(Result<T> result, Throwable cause) {
        if (!result.up() && (last == null || last.up())) {
            LOG.log(Level.WARNING, WorkerMessage.PROBE_FAILED.format(resource, result.failure(),
                    cause == null ? "" : innermost(cause)), cause);
        }
        last = result;
        return result;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
