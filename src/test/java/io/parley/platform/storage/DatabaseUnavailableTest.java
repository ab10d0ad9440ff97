package io.parley.platform.storage;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures mean "the database cannot be reached" (503) rather than a bug (500). */
class DatabaseUnavailableTest {

    @Test
    void jdbcConnectionFailuresAreUnavailability() {
        assertTrue(DatabaseUnavailable.isCauseOf(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        assertTrue(DatabaseUnavailable.isCauseOf(new PSQLException("io", PSQLState.CONNECTION_FAILURE)));
        assertTrue(DatabaseUnavailable.isCauseOf(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseUnavailable.isCauseOf(new SQLException("crash shutdown", "57P02")));
        assertTrue(DatabaseUnavailable.isCauseOf(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.isCauseOf(new SQLTransientConnectionException(
                "parley-jdbc - Connection is not available, request timed out after 10000ms")));
    }

    @Test
    void reactiveClientConnectionFailuresAreUnavailability() {
        assertTrue(DatabaseUnavailable.isCauseOf(new PgException("terminating connection", "FATAL", "57P01", null)));
        assertTrue(DatabaseUnavailable.isCauseOf(ClosedConnectionException.INSTANCE));
        assertTrue(DatabaseUnavailable.isCauseOf(new ConnectException("Connection refused: /127.0.0.1:5432")));
    }

    @Test
    void axonAndFutureWrappersAreSeenThrough() {
        SQLException killed = new SQLException("Batch entry 0 INSERT INTO DomainEventEntry was aborted", "08006");
        assertTrue(DatabaseUnavailable.isCauseOf(new EventStoreException("could not be persisted", killed)));
        assertTrue(DatabaseUnavailable.isCauseOf(new CompletionException(new JdbcException("read failed",
                new SQLTransientConnectionException("timeout")))));
        assertTrue(DatabaseUnavailable.isCauseOf(new DatabaseUnavailable("the database is unreachable")));
    }

    @Test
    void otherStorageFailuresAreNot() {
        assertFalse(DatabaseUnavailable.isCauseOf(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.isCauseOf(new PgException("relation does not exist", "ERROR", "42P01", null)));
        assertFalse(DatabaseUnavailable.isCauseOf(new EventStoreException("bug", new IllegalStateException())));
        assertFalse(DatabaseUnavailable.isCauseOf(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.isCauseOf(null));
    }
}
