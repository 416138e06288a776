package io.celerity.internal.store;

import io.celerity.internal.metrics.TaskMetrics;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grouping logic of {@link GroupCommit}, against a store that records its transactions (the rows and the commit
 * itself are covered on a real database by the integration tests).
 */
class GroupCommitTest {

    /** How long a condition may take on a busy machine; the waits end as soon as it holds. */
    private static final long WAIT_SECONDS = 30;

    private final RecordingStore store = new RecordingStore();
    private final GroupCommit commits = new GroupCommit();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    GroupCommitTest() {
        commits.store = store;
        commits.metrics = new TaskMetrics();
        commits.threads = new Threads();
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        commits.stop();
    }

    @Test
    void changesAskedForWhileTransactionsAreWritten_shareTheNextOne() throws Exception {
        commits.start();
        List<Future<String>> results = new ArrayList<>();
        for (String id : List.of("a", "b")) {
            store.hold(id);
            results.add(callers.submit(() -> commits.locked(id, locked -> id + " done")));
            store.awaitStarted(1);
        }
        for (String id : List.of("c", "d", "e", "f", "g")) {
            results.add(callers.submit(() -> commits.locked(id, locked -> id + " done")));
        }
        awaitPending(5);
        store.release("a");
        // the writer freed first takes all five while the other still holds b: released together, both writers would
        // race for them
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (store.transactions.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        store.release("b");

        for (Future<String> result : results) {
            assertTrue(result.get(WAIT_SECONDS, TimeUnit.SECONDS).endsWith(" done"));
        }
        assertTrue(store.transactions.stream().anyMatch(group -> group.stream().sorted().toList()
                .equals(List.of("c", "d", "e", "f", "g"))), "grouped: " + store.transactions);
        assertEquals(3, store.transactions.size());
    }

    @Test
    void aGroupThatFails_isWrittenOneByOne_andOnlyTheBadChangeFails() throws Exception {
        commits.start();
        List<Future<String>> first = new ArrayList<>();
        for (String id : List.of("a", "b")) {
            store.hold(id);
            first.add(callers.submit(() -> commits.locked(id, locked -> id)));
            store.awaitStarted(1);
        }
        Future<String> good = callers.submit(() -> commits.locked("good", locked -> "good"));
        awaitPending(1);
        Future<String> bad = callers.submit(() -> commits.locked("bad", locked -> {
            throw new IllegalArgumentException("bad field");
        }));
        awaitPending(2);
        store.release("a");

        assertEquals("good", good.get(WAIT_SECONDS, TimeUnit.SECONDS));
        Exception error = assertThrows(Exception.class, () -> bad.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("bad field", error.getCause().getMessage());
        assertEquals(List.of(List.of("good", "bad")), store.failedGroups);
        assertTrue(store.transactions.containsAll(List.of(List.of("a"), List.of("good"))), "" + store.transactions);
        store.release("b");
        assertEquals("b", first.get(1).get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aChangeThatThrowsAnError_failsAlone_andTheWritersGoOn() throws Exception {
        commits.start();
        for (int i = 0; i < 3; i++) {
            Future<String> deep = callers.submit(() -> commits.locked("deep", locked -> {
                throw new StackOverflowError("deep");
            }));
            Exception error = assertThrows(Exception.class, () -> deep.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(error.getCause() instanceof StackOverflowError, "the caller gets the Error: " + error);
        }
        Future<String> after = callers.submit(() -> commits.locked("after", locked -> "after"));
        assertEquals("after", after.get(WAIT_SECONDS, TimeUnit.SECONDS), "both writers still write");
    }

    @Test
    void afterStop_changesAreWrittenByTheCaller() {
        commits.start();
        commits.stop();

        assertEquals("late", commits.locked("late", locked -> "late"));
        assertEquals(List.of(List.of("late")), store.transactions);
    }

    private void awaitPending(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (commits.pendingCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, commits.pendingCount(), "changes waiting to be written");
    }

    /** A store whose transactions record the ids they wrote; transactions of held ids wait until released. */
    private static final class RecordingStore extends TaskStore {

        final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
        final List<List<String>> failedGroups = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
        private final Semaphore started = new Semaphore(0);

        void hold(String id) {
            held.put(id, new CountDownLatch(1));
        }

        void release(String id) {
            held.remove(id).countDown();
        }

        void awaitStarted(int count) throws InterruptedException {
            assertTrue(started.tryAcquire(count, WAIT_SECONDS, TimeUnit.SECONDS), "transactions did not start");
        }

        @Override
        public <R> R locked(String id, Function<Locked, R> work) {
            started.release();
            CountDownLatch hold = held.get(id);
            try {
                if (hold != null && !hold.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held too long");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            R result = work.apply(null);
            transactions.add(List.of(id));
            return result;
        }

        @Override
        public void lockedTogether(List<? extends RowWork> works) {
            started.release();
            List<String> ids = works.stream().map(RowWork::id).toList();
            try {
                works.forEach(work -> work.apply(null));
            } catch (RuntimeException | Error e) {
                failedGroups.add(ids);
                throw e;
            }
            transactions.add(ids);
        }
    }

    private static final class Threads implements ManagedThreadFactory {

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "writer");
            thread.setDaemon(true);
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    }
}
