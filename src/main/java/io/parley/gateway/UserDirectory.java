package io.parley.gateway;

import io.parley.account.UserRecord;
import io.parley.member.MemberRecord;
import io.parley.platform.storage.StorageException;
import io.vertx.core.json.JsonObject;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;

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

    /** MESSAGE_CREATE's partial member (the member object without {@code user}); null when not a member. */
    JsonObject member(long guildId, long userId) {
        try (Connection c = connections.getConnection();
             PreparedStatement query = c.prepareStatement("""
                     SELECT m.nick, m.roles, m.joined_at, m.communication_disabled_until,
                            coalesce(f.mute, false), coalesce(f.deaf, false)
                     FROM members m LEFT JOIN server_voice_flags f ON f.guild_id = m.guild_id AND f.user_id = m.user_id
                     WHERE m.guild_id = ? AND m.user_id = ?""")) {
            query.setLong(1, guildId);
            query.setLong(2, userId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Long[] roles = (Long[]) row.getArray(2).getArray();
                JsonObject member = new MemberRecord(guildId, new UserRecord(userId, null, null, null, null, null, null,
                        false, 0), row.getString(1), Arrays.asList(roles), row.getObject(3, OffsetDateTime.class),
                        row.getObject(4, OffsetDateTime.class), row.getBoolean(5), row.getBoolean(6)).toJson();
                member.remove("user");
                return member;
            }
        } catch (SQLException e) {
            throw new StorageException("reading a member for a dispatch failed", e);
        }
    }
}
