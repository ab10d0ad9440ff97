package io.parley.platform.axon;

import io.parley.platform.storage.StorageException;
import io.parley.platform.storage.ThreadBoundTransactions;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;

/**
 * The transactions of a dead-letter retry: Axon handles each dead letter in a transaction nested
 * in the one that then requeues or evicts it, and a failed letter must roll back only its own
 * writes. Nested here is a savepoint, not {@link ThreadBoundTransactions}' "a nested rollback
 * dooms the outer".
 */
final class SavepointTransactions implements TransactionManager {
    private final ThreadBoundTransactions transactions;

    SavepointTransactions(ThreadBoundTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        Optional<Connection> bound = transactions.boundConnection();
        if (bound.isEmpty()) {
            return transactions.startTransaction();
        }
        Connection connection = bound.get();
        try {
            Savepoint savepoint = connection.setSavepoint();
            return new Transaction() {
                @Override
                public void commit() {
                    run(() -> connection.releaseSavepoint(savepoint), "releasing a savepoint failed");
                }

                @Override
                public void rollback() {
                    run(() -> connection.rollback(savepoint), "rolling back to a savepoint failed");
                }
            };
        } catch (SQLException e) {
            throw new StorageException("cannot set a savepoint", e);
        }
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static void run(Sql sql, String failure) {
        try {
            sql.run();
        } catch (SQLException e) {
            throw new StorageException(failure, e);
        }
    }
}
