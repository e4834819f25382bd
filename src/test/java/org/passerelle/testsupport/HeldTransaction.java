package org.passerelle.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work done in a transaction held open until {@link #commit()}: lets a test put a concurrent request
 * exactly where a race would, e.g. waiting on a unique key the held transaction has inserted.
 */
public final class HeldTransaction<T> {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<T> result;

    private HeldTransaction(PlatformTransactionManager transactions, Supplier<T> work) {
        result = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(status -> {
            T value = work.get();
            done.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        }), thread);
    }

    /** Returns once the work is done, its transaction still open. */
    public static <T> HeldTransaction<T> begin(PlatformTransactionManager transactions, Supplier<T> work) throws Exception {
        HeldTransaction<T> held = new HeldTransaction<>(transactions, work);
        while (!held.done.await(50, TimeUnit.MILLISECONDS)) {
            if (held.result.isDone()) {
                held.result.get(); // the work failed: rethrow its exception
            }
        }
        return held;
    }

    /**
     * Waits until another session is stuck running a statement that starts with {@code statementStart}
     * (waiting on a row this transaction holds: H2 and PostgreSQL both make a duplicate key, or a row locked
     * for update, wait for the first transaction's outcome).
     */
    public static void awaitWaitingStatement(DataSource dataSource, String statementStart) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Connection connection = dataSource.getConnection()) {
                String sql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                        ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like ?"
                        : "select count(*) from information_schema.sessions where session_state in ('RUNNING', 'BLOCKED')"
                                + " and executing_statement like ?";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, statementStart + "%");
                    try (ResultSet count = statement.executeQuery()) {
                        if (count.next() && count.getInt(1) > 0) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("No session is waiting in: " + statementStart);
    }

    public T commit() throws Exception {
        release.countDown();
        try {
            return result.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdown();
        }
    }
}
