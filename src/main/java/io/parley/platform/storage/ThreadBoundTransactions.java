package io.parley.platform.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Axon's JDBC transactions outside Spring: a transaction binds one connection to the thread,
 * and every {@link #getConnection()} on that thread (event store append, token store, a
 * projection's writes, a command handler's claim) shares it, so they commit or roll back
 * together. Nested transactions join the outer one; a nested rollback dooms the outer.
 */
public final class ThreadBoundTransactions implements TransactionManager, ConnectionProvider {
    private static final Logger log = LoggerFactory.getLogger(ThreadBoundTransactions.class);

    private final DataSource dataSource;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

    public ThreadBoundTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        Bound current = bound.get();
        if (current != null) {
            current.depth++;
            return new Nested(current);
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            Bound fresh = new Bound(connection);
            bound.set(fresh);
            return new Outer(fresh);
        } catch (SQLException e) {
            throw new StorageException("cannot start a transaction", e);
        }
    }

    /** Inside a transaction, its connection (closing it does nothing); otherwise a pooled autocommit one. */
    @Override
    public Connection getConnection() throws SQLException {
        Bound current = bound.get();
        return current == null ? dataSource.getConnection() : current.unclosable;
    }

    /** The connection of this thread's transaction, if one is open (for savepoints). */
    public java.util.Optional<Connection> boundConnection() {
        Bound current = bound.get();
        return current == null ? java.util.Optional.empty() : java.util.Optional.of(current.unclosable);
    }

    private void finish(Bound b, boolean commit) {
        bound.remove();
        try {
            if (commit && !b.rollbackOnly) {
                b.connection.commit();
            } else {
                b.connection.rollback();
            }
            if (commit && b.rollbackOnly) {
                throw new StorageException("transaction rolled back: a nested transaction failed", null);
            }
        } catch (SQLException e) {
            throw new StorageException(commit ? "commit failed" : "rollback failed", e);
        } finally {
            try {
                b.connection.setAutoCommit(true);
                b.connection.close();
            } catch (SQLException e) {
                log.warn("closing a transaction's connection failed", e);
            }
        }
    }

    private static final class Bound {
        final Connection connection;
        final Connection unclosable;
        int depth;
        boolean rollbackOnly;

        Bound(Connection connection) {
            this.connection = connection;
            this.unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "close":
                                return null;
                            case "isClosed":
                                return connection.isClosed();
                            default:
                                try {
                                    return method.invoke(connection, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                        }
                    });
        }
    }

    private final class Outer implements Transaction {
        private final Bound b;

        Outer(Bound b) {
            this.b = b;
        }

        @Override
        public void commit() {
            finish(b, true);
        }

        @Override
        public void rollback() {
            finish(b, false);
        }
    }

    private static final class Nested implements Transaction {
        private final Bound b;

        Nested(Bound b) {
            this.b = b;
        }

        @Override
        public void commit() {
            b.depth--;
        }

        @Override
        public void rollback() {
            b.depth--;
            b.rollbackOnly = true;
        }
    }
}
