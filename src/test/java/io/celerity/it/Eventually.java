package io.celerity.it;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition, polling, and fails with a description of what never became true. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("not within " + timeout + ": " + what, last);
    }
}
