package io.parley.gateway;

import io.parley.platform.storage.StorageException;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Recipients and settings of private channels, read with JDBC on the dispatcher's own thread. */
final class PrivateChannelDirectory {
    private final ConnectionProvider connections;

    PrivateChannelDirectory(ConnectionProvider connections) {
        this.connections = connections;
    }

    record Row(int type, Long ownerId, String name) {
    }

    Set<Long> recipients(long channelId) {
        Set<Long> out = new LinkedHashSet<>();
        try (Connection c = connections.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "SELECT user_id FROM private_channel_recipients WHERE channel_id = ? ORDER BY user_id")) {
            query.setLong(1, channelId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("reading DM recipients for a dispatch failed", e);
        }
    }

    Optional<Row> channel(long channelId) {
        try (Connection c = connections.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT type, owner_id, name FROM private_channels WHERE id = ?")) {
            query.setLong(1, channelId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long owner = row.getLong(2);
                return Optional.of(new Row(row.getInt(1), row.wasNull() ? null : owner, row.getString(3)));
            }
        } catch (SQLException e) {
            throw new StorageException("reading a DM for a dispatch failed", e);
        }
    }
}
