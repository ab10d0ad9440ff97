package io.parley.platform.storage;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells "PostgreSQL cannot be reached right now" from every other storage failure, through
 * whatever wraps it (Axon's event store and unit of work, Hikari, the reactive client): the
 * former is a 503 the client retries, the latter a 500 with a request id.
 */
public final class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(String message) {
        super(message, null, false, false);
    }

    public static boolean isCauseOf(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof DatabaseUnavailable
                    || t instanceof SQLTransientConnectionException // Hikari: no connection in time
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ClosedConnectionException
                    || t instanceof ConnectException
                    || t instanceof SocketException
                    || t instanceof ClosedChannelException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof DatabaseException db && isConnectionState(db.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and the operator-intervention states a server
     * answers while it shuts down, crashes or is still starting (57P01–57P03).
     */
    static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
