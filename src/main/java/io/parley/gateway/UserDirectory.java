package io.parley.gateway;

import io.parley.platform.storage.StorageException;
import io.vertx.core.json.JsonObject;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Public user objects for dispatch payloads, read with JDBC on the dispatcher's own thread. */
final class UserDirectory {
    private final ConnectionProvider connections;

    UserDirectory(ConnectionProvider connections) {
        this.connections = connections;
    }

    JsonObject user(long userId) {
        try (Connection c = connections.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "SELECT username, global_name, avatar, bot, flags FROM users WHERE id = ?")) {
            query.setLong(1, userId);
            try (ResultSet row = query.executeQuery()) {
                JsonObject user = new JsonObject().put("id", Long.toString(userId)).put("discriminator", "0")
                        .put("system", false);
                if (!row.next()) {
                    return user.put("username", "unknown").put("bot", false).put("flags", 0).put("public_flags", 0);
                }
                return user.put("username", row.getString(1)).put("global_name", row.getString(2))
                        .put("avatar", row.getString(3)).put("bot", row.getBoolean(4))
                        .put("flags", row.getLong(5)).put("public_flags", row.getLong(5));
            }
        } catch (SQLException e) {
            throw new StorageException("reading a user for a dispatch failed", e);
        }
    }
}
