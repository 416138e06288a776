package io.celerity.internal.dispatch;

import io.celerity.internal.message.ApiUseMessage;
import io.celerity.internal.messaging.Messaging;
import io.celerity.internal.messaging.OutgoingTask;
import io.celerity.internal.messaging.TaskDelivery;
import io.celerity.internal.messaging.TaskMessage;
import io.celerity.internal.transaction.AfterCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transactional outbox: the task row commits with the caller's transaction alone (no two-phase commit with the
 * broker); once it has committed, the message is sent by a sender thread, many messages in one go. A message that a
 * crash keeps from being sent is sent by the sweeper once its task is overdue (a lease); the task id is the broker's
 * duplicate-detection id, and the row decides whether a delivered message runs anything, so nothing runs twice.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final Object KEY = Outbox.class;
    private static final int MAX_BATCH = 200;
    /** Sender threads: sends of one thread wait for the broker, so several keep up with many callers. */
    private static final int SENDERS = 4;
    /** A send slower than this is logged: the tasks behind it wait as long to start. */
    private static final long SLOW_SEND_MILLIS = 500;
    /** A cold node's first sends open its broker connections and run uncompiled code: slow, and no warning sign. */
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Messaging messaging;

    private final BlockingQueue<OutgoingTask> pending = new LinkedBlockingQueue<>();
    private ExecutorService sender;
    private long started;

    @PostConstruct
    void start() {
        ThreadPoolExecutor senders = (ThreadPoolExecutor) Executors.newFixedThreadPool(SENDERS, threads);
        // started here: a pool thread made on demand by a thread that completes a transaction (a workflow task
        // released by a run's end) took that transaction's context, and what it sent was never delivered
        senders.prestartAllCoreThreads();
        sender = senders;
        started = System.nanoTime();
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning(ApiUseMessage.UNSENT_AT_SHUTDOWN.format());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the message once the current transaction has committed; nothing if it rolls back. */
    void afterCommit(String queue, TaskMessage message, TaskDelivery delivery) {
        OutgoingTask outgoing = new OutgoingTask(queue, message, delivery);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException(ApiUseMessage.NO_ACTIVE_TRANSACTION.format());
        }
        List<OutgoingTask> committed = AfterCommit.holder(transactions, KEY, ArrayList::new, this::send);
        committed.add(outgoing);
    }

    private void send(List<OutgoingTask> committed) {
        pending.addAll(committed);
        sender.execute(this::drain); // a drain that finds nothing left ends at once
    }

    private void drain() {
        List<OutgoingTask> batch = new ArrayList<>();
        while (pending.drainTo(batch, MAX_BATCH) > 0) {
            long begin = System.nanoTime();
            try {
                if (batch.size() == 1) {
                    // outside a transaction: one round trip to the broker, where a transaction adds its start, end
                    // and commit; the broker stores a persistent message before it answers either way
                    OutgoingTask alone = batch.get(0);
                    messaging.sendTask(alone.queue(), alone.message(), alone.delivery());
                } else {
                    messaging.sendTasksTogether(batch);
                }
                long millis = (System.nanoTime() - begin) / 1_000_000;
                if (millis >= SLOW_SEND_MILLIS) {
                    int sent = batch.size();
                    LOG.log(System.nanoTime() - started < WARM_UP_NANOS ? Level.FINE : Level.WARNING,
                            () -> ApiUseMessage.SLOW_SEND.format(sent, millis, pending.size()));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, ApiUseMessage.NOT_SENT.format(batch.size(), e), e);
            }
            batch.clear();
        }
    }

    /** Task messages committed and not yet handed to the broker. */
    public int pendingCount() {
        return pending.size();
    }
}
