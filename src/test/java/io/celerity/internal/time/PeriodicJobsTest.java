package io.celerity.internal.time;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodicJobsTest {

    private final PeriodicJobs jobs = new PeriodicJobs();

    @BeforeEach
    void start() {
        jobs.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable work) {
                return new Thread(work);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
        jobs.start();
    }

    @AfterEach
    void stop() {
        jobs.stop();
    }

    @Test
    void aJobThatThrows_anErrorToo_runsAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        ScheduledFuture<?> job = jobs.withFixedDelay("failing", () -> {
            third.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run");
            }
            throw new AssertionError("second run");
        }, Duration.ZERO, Duration.ofMillis(10));

        assertTrue(third.await(10, TimeUnit.SECONDS), "ran " + runs.get() + " time(s)");
        assertFalse(job.isDone());
    }

    @Test
    void stopEndsEveryJob() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        ScheduledFuture<?> job = jobs.withFixedDelay("counting", ran::countDown, Duration.ZERO, Duration.ofMillis(10));
        assertTrue(ran.await(10, TimeUnit.SECONDS));

        jobs.stop();

        assertTrue(job.isCancelled());
    }
}
