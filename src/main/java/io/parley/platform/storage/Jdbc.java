package io.parley.platform.storage;

import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Writes for projections: on the processor's bound connection, so rows commit with the token. */
public final class Jdbc {
    private final ConnectionProvider connections;

    public Jdbc(ConnectionProvider connections) {
        this.connections = connections;
    }

    public int update(String sql, Object... params) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object param = params[i];
                statement.setObject(i + 1, param instanceof Instant instant ? Timestamp.from(instant) : param);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("write failed: " + sql.lines().findFirst().orElse(sql), e);
        }
    }
}
