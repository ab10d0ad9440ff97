package io.parley.guild;

import io.parley.guild.GuildEvents.ChannelCreated;
import io.parley.guild.GuildEvents.ChannelDeleted;
import io.parley.guild.GuildEvents.ChannelOverwriteDeleted;
import io.parley.guild.GuildEvents.ChannelOverwriteSet;
import io.parley.guild.GuildEvents.ChannelUpdated;
import io.parley.guild.GuildEvents.ChannelsReordered;
import io.parley.guild.GuildEvents.GuildCreated;
import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.guild.GuildEvents.GuildOwnershipTransferred;
import io.parley.guild.GuildEvents.GuildUpdated;
import io.parley.guild.GuildEvents.RoleCreated;
import io.parley.guild.GuildEvents.RoleDeleted;
import io.parley.guild.GuildEvents.RoleUpdated;
import io.parley.guild.GuildEvents.RolesReordered;
import io.parley.permission.Overwrite;
import io.parley.platform.storage.Jdbc;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

import java.util.List;

/** Keeps the guilds, roles and channels tables. Handlers are idempotent so a replay converges. */
@ProcessingGroup(GuildProjection.GROUP)
public final class GuildProjection {
    public static final String GROUP = "guilds";

    private final Jdbc jdbc;

    public GuildProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GuildCreated e) {
        jdbc.update("""
                INSERT INTO guilds (id, name, owner_id, created_at, system_channel_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""", e.guildId(), e.name(), e.ownerId(), e.at(), e.systemChannelId());
    }

    @EventHandler
    void on(GuildUpdated e) {
        jdbc.update("UPDATE guilds SET name = ?, description = ?, system_channel_id = ? WHERE id = ?",
                e.settings().name(), e.settings().description(), e.settings().systemChannelId(), e.guildId());
    }

    @EventHandler
    void on(GuildOwnershipTransferred e) {
        jdbc.update("UPDATE guilds SET owner_id = ? WHERE id = ?", e.newOwnerId(), e.guildId());
    }

    @EventHandler
    void on(GuildDeleted e) {
        jdbc.update("DELETE FROM channels WHERE guild_id = ?", e.guildId());
        jdbc.update("DELETE FROM roles WHERE guild_id = ?", e.guildId());
        jdbc.update("DELETE FROM guilds WHERE id = ?", e.guildId());
    }

    @EventHandler
    void on(RoleCreated e) {
        if (e.roleId() != e.guildId()) {
            jdbc.update("UPDATE roles SET position = position + 1 WHERE guild_id = ? AND position >= ? AND id <> ?",
                    e.guildId(), e.position(), e.guildId());
        }
        RoleSettings s = e.settings();
        jdbc.update("""
                INSERT INTO roles (id, guild_id, name, color, hoist, mentionable, permissions, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                e.roleId(), e.guildId(), s.name(), s.color(), s.hoist(), s.mentionable(), s.permissions(), e.position());
    }

    @EventHandler
    void on(RoleUpdated e) {
        RoleSettings s = e.settings();
        jdbc.update("UPDATE roles SET name = ?, color = ?, hoist = ?, mentionable = ?, permissions = ? WHERE id = ?",
                s.name(), s.color(), s.hoist(), s.mentionable(), s.permissions(), e.roleId());
    }

    @EventHandler
    void on(RolesReordered e) {
        e.positions().forEach((id, position) -> jdbc.update("UPDATE roles SET position = ? WHERE id = ?", position, id));
    }

    @EventHandler
    void on(RoleDeleted e) {
        jdbc.update("DELETE FROM roles WHERE id = ?", e.roleId());
        jdbc.update("""
                UPDATE channels SET overwrites = COALESCE((SELECT jsonb_agg(o) FROM jsonb_array_elements(overwrites) o
                    WHERE o->>'id' <> ?), '[]'::jsonb)
                WHERE guild_id = ?""", Long.toString(e.roleId()), e.guildId());
    }

    @EventHandler
    void on(ChannelCreated e) {
        ChannelSettings s = e.settings();
        jdbc.update("""
                INSERT INTO channels (id, guild_id, type, name, topic, position, parent_id, nsfw, rate_limit_per_user,
                                      bitrate, user_limit, overwrites)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO NOTHING""",
                e.channelId(), e.guildId(), e.type(), s.name(), s.topic(), s.position(), s.parentId(), s.nsfw(),
                s.rateLimitPerUser(), s.bitrate(), s.userLimit(), OverwritesJson.encode(e.overwrites()));
    }

    @EventHandler
    void on(ChannelUpdated e) {
        ChannelSettings s = e.settings();
        jdbc.update("""
                UPDATE channels SET name = ?, topic = ?, position = ?, parent_id = ?, nsfw = ?, rate_limit_per_user = ?,
                                    bitrate = ?, user_limit = ?
                WHERE id = ?""",
                s.name(), s.topic(), s.position(), s.parentId(), s.nsfw(), s.rateLimitPerUser(), s.bitrate(),
                s.userLimit(), e.channelId());
    }

    @EventHandler
    void on(ChannelsReordered e) {
        for (ChannelPosition move : e.positions()) {
            if (move.moveParent()) {
                jdbc.update("UPDATE channels SET position = ?, parent_id = ? WHERE id = ?",
                        move.position(), move.parentId(), move.channelId());
            } else {
                jdbc.update("UPDATE channels SET position = ? WHERE id = ?", move.position(), move.channelId());
            }
        }
    }

    @EventHandler
    void on(ChannelDeleted e) {
        jdbc.update("DELETE FROM channels WHERE id = ?", e.channelId());
        jdbc.update("UPDATE channels SET parent_id = NULL WHERE parent_id = ?", e.channelId());
        jdbc.update("UPDATE guilds SET system_channel_id = NULL WHERE id = ? AND system_channel_id = ?",
                e.guildId(), e.channelId());
    }

    @EventHandler
    void on(ChannelOverwriteSet e) {
        jdbc.update("""
                UPDATE channels SET overwrites = COALESCE((SELECT jsonb_agg(o) FROM jsonb_array_elements(overwrites) o
                    WHERE o->>'id' <> ?), '[]'::jsonb) || ?::jsonb
                WHERE id = ?""",
                Long.toString(e.overwrite().id()), OverwritesJson.encode(List.of(e.overwrite())), e.channelId());
    }

    @EventHandler
    void on(ChannelOverwriteDeleted e) {
        jdbc.update("""
                UPDATE channels SET overwrites = COALESCE((SELECT jsonb_agg(o) FROM jsonb_array_elements(overwrites) o
                    WHERE o->>'id' <> ?), '[]'::jsonb)
                WHERE id = ?""", Long.toString(e.previous().id()), e.channelId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE guilds, roles, channels");
    }
}
