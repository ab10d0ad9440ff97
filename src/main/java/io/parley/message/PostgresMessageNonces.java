package io.parley.message;

import io.parley.platform.storage.StorageException;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** {@link MessageNonces} in the message_nonces table; a claim older than the window is taken over. */
public final class PostgresMessageNonces implements MessageNonces {
    private static final String CLAIM = """
            INSERT INTO message_nonces (author_id, nonce, message_id, created_at) VALUES (?, ?, ?, now())
            ON CONFLICT (author_id, nonce) DO UPDATE
                SET message_id = EXCLUDED.message_id, created_at = EXCLUDED.created_at
                WHERE message_nonces.created_at < now() - make_interval(secs => ?)
            RETURNING message_id""";
    private static final String HOLDER = "SELECT message_id FROM message_nonces WHERE author_id = ? AND nonce = ?";

    private final ConnectionProvider connections;
    private final Duration window;

    public PostgresMessageNonces(ConnectionProvider connections, Duration window) {
        this.connections = connections;
        this.window = window;
    }

    @Override
    public Optional<Long> claim(long authorId, String nonce, long messageId) {
        try (Connection connection = connections.getConnection()) {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setLong(1, authorId);
                claim.setString(2, nonce);
                claim.setLong(3, messageId);
                claim.setLong(4, window.toSeconds());
                try (ResultSet rows = claim.executeQuery()) {
                    if (rows.next()) {
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement holder = connection.prepareStatement(HOLDER)) {
                holder.setLong(1, authorId);
                holder.setString(2, nonce);
                try (ResultSet rows = holder.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new StorageException("claiming a message nonce failed", e);
        }
    }
}
