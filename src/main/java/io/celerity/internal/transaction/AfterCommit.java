package io.celerity.internal.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a transaction gathers for after its commit: one holder per transaction and key, handed to an action once the
 * transaction has committed; a rollback drops it.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Adds an entry to what the current transaction hands to {@code onCommit} after it commits: outside a transaction
     * at once, in a holder of its own; never for a transaction that is already ending or will roll back.
     */
    public static <H> void collect(TransactionSynchronizationRegistry transactions, Object key, Supplier<H> create,
                                   Consumer<H> onCommit, Consumer<H> add) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            H alone = create.get();
            add.accept(alone);
            onCommit.accept(alone);
        } else if (status == Status.STATUS_ACTIVE) {
            add.accept(holder(transactions, key, create, onCommit));
        }
    }

    /**
     * The current transaction's holder for {@code key}, created on first use, with {@code onCommit} registered to
     * receive it after a commit. The transaction must be active.
     */
    public static <H> H holder(TransactionSynchronizationRegistry transactions, Object key, Supplier<H> create,
                               Consumer<H> onCommit) {
        @SuppressWarnings("unchecked")
        H holder = (H) transactions.getResource(key);
        if (holder == null) {
            H created = create.get();
            transactions.putResource(key, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        onCommit.accept(created);
                    }
                }
            });
            holder = created;
        }
        return holder;
    }
}
