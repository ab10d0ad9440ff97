package io.parley.guild;

import io.parley.permission.Overwrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What can be asked of a guild's structure: its settings, roles and channels. */
public final class GuildCommands {
    private GuildCommands() {
    }

    /** Creates the guild with its @everyone role (id = guild id) and a default text channel. */
    public record CreateGuild(@TargetAggregateIdentifier long guildId, long ownerId, String name,
                              long generalChannelId, Instant at) {
    }

    /** The complete settings wanted after the change. */
    public record UpdateGuild(@TargetAggregateIdentifier long guildId, long actorId, GuildSettings settings,
                              Instant at) {
    }

    public record TransferOwnership(@TargetAggregateIdentifier long guildId, long actorId, long newOwnerId,
                                    Instant at) {
    }

    public record DeleteGuild(@TargetAggregateIdentifier long guildId, long actorId, Instant at) {
    }

    public record CreateRole(@TargetAggregateIdentifier long guildId, long roleId, long actorId, RoleSettings settings,
                             Instant at) {
    }

    public record UpdateRole(@TargetAggregateIdentifier long guildId, long roleId, long actorId, RoleSettings settings,
                             Instant at) {
    }

    /** New positions for some roles; @everyone stays at 0. */
    public record ReorderRoles(@TargetAggregateIdentifier long guildId, long actorId, Map<Long, Integer> positions,
                               Instant at) {
    }

    public record DeleteRole(@TargetAggregateIdentifier long guildId, long roleId, long actorId, Instant at) {
    }

    /** {@code overwrites} null means: copy the parent category's (a synced channel). */
    public record CreateChannel(@TargetAggregateIdentifier long guildId, long channelId, long actorId, int type,
                                ChannelSettings settings, List<Overwrite> overwrites, Instant at) {
    }

    public record UpdateChannel(@TargetAggregateIdentifier long guildId, long channelId, long actorId,
                                ChannelSettings settings, Instant at) {
    }

    public record ReorderChannels(@TargetAggregateIdentifier long guildId, long actorId,
                                  List<ChannelPosition> positions, Instant at) {
    }

    public record DeleteChannel(@TargetAggregateIdentifier long guildId, long channelId, long actorId, Instant at) {
    }

    public record SetChannelOverwrite(@TargetAggregateIdentifier long guildId, long channelId, long actorId,
                                      Overwrite overwrite, Instant at) {
    }

    public record DeleteChannelOverwrite(@TargetAggregateIdentifier long guildId, long channelId, long actorId,
                                         long overwriteId, Instant at) {
    }
}
