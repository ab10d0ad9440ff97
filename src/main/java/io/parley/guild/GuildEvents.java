package io.parley.guild;

import io.parley.permission.Overwrite;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happened to a guild's structure. Each names its actor, for the audit log; updates
 * carry the complete new state and the fields that changed.
 */
public final class GuildEvents {
    private GuildEvents() {
    }

    /** {@code systemChannelId}: the general channel created with it (null in events from before it was set). */
    public record GuildCreated(long guildId, long ownerId, String name, Instant at, Long systemChannelId) {
        public GuildCreated(long guildId, long ownerId, String name, Instant at) {
            this(guildId, ownerId, name, at, null);
        }
    }

    public record GuildUpdated(long guildId, long actorId, GuildSettings settings, List<Change> changes, Instant at) {
    }

    public record GuildOwnershipTransferred(long guildId, long actorId, long previousOwnerId, long newOwnerId,
                                            Instant at) {
    }

    public record GuildDeleted(long guildId, long actorId, Instant at) {
    }

    public record RoleCreated(long guildId, long roleId, long actorId, RoleSettings settings, int position,
                              Instant at) {
    }

    public record RoleUpdated(long guildId, long roleId, long actorId, RoleSettings settings, List<Change> changes,
                              Instant at) {
    }

    public record RolesReordered(long guildId, long actorId, Map<Long, Integer> positions, Instant at) {
    }

    public record RoleDeleted(long guildId, long roleId, long actorId, RoleSettings settings, Instant at) {
    }

    public record ChannelCreated(long guildId, long channelId, long actorId, int type, ChannelSettings settings,
                                 List<Overwrite> overwrites, Instant at) {
    }

    public record ChannelUpdated(long guildId, long channelId, long actorId, int type, ChannelSettings settings,
                                 List<Change> changes, Instant at) {
    }

    public record ChannelsReordered(long guildId, long actorId, List<ChannelPosition> positions, Instant at) {
    }

    /** Children of a deleted category lose their parent. */
    public record ChannelDeleted(long guildId, long channelId, long actorId, int type, ChannelSettings settings,
                                 Instant at) {
    }

    public record ChannelOverwriteSet(long guildId, long channelId, long actorId, Overwrite overwrite,
                                      Overwrite previous, Instant at) {
    }

    public record ChannelOverwriteDeleted(long guildId, long channelId, long actorId, Overwrite previous, Instant at) {
    }
}
