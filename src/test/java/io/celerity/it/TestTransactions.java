package io.celerity.it;

import jakarta.transaction.UserTransaction;

/** Transactions that a test begins itself, as an application's caller would. */
public final class TestTransactions {

    /** The test servers time a transaction out after 4 s; a test's own ones get room for a slow, shared machine. */
    private static final int TIMEOUT_SECONDS = 60;

    private TestTransactions() {
    }

    /** Begins a transaction on this thread (the timeout is set at every begin: it holds for the thread's next one). */
    public static void begin(UserTransaction transaction) throws Exception {
        transaction.setTransactionTimeout(TIMEOUT_SECONDS);
        transaction.begin();
    }
}
