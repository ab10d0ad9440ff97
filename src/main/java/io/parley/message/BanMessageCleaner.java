package io.parley.message;

import io.parley.member.MemberEvents.UserBanned;
import io.parley.message.MessageCommands.DeleteMessage;
import io.parley.platform.id.Snowflakes;
import io.parley.platform.storage.StorageException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A ban with a message deletion window deletes the banned user's messages of that window in
 * the guild, each through the message aggregate so every deletion is an event like any other.
 */
@ProcessingGroup(BanMessageCleaner.GROUP)
public final class BanMessageCleaner {
    public static final String GROUP = "ban-message-cleanup";

    private final ConnectionProvider connections;
    private final CommandGateway commands;

    public BanMessageCleaner(ConnectionProvider connections, CommandGateway commands) {
        this.connections = connections;
        this.commands = commands;
    }

    @EventHandler
    void on(UserBanned e) {
        if (e.deleteMessageSeconds() <= 0) {
            return;
        }
        long fromId = Snowflakes.lowestAt(e.at().minusSeconds(e.deleteMessageSeconds()));
        for (long messageId : messagesOf(e.guildId(), e.userId(), fromId)) {
            try {
                commands.sendAndWait(new DeleteMessage(messageId, e.actorId(), e.at()));
            } catch (AggregateNotFoundException alreadyGone) {
                // deleted meanwhile: nothing left to do
            }
        }
    }

    private List<Long> messagesOf(long guildId, long authorId, long fromId) {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id FROM messages WHERE guild_id = ? AND author_id = ? AND id >= ? ORDER BY id")) {
            query.setLong(1, guildId);
            query.setLong(2, authorId);
            query.setLong(3, fromId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("listing a banned user's messages failed", e);
        }
        return ids;
    }
}
