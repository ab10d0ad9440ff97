package io.parley.invite;

import io.parley.guild.GuildEvents.ChannelDeleted;
import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.invite.InviteEvents.InviteCreated;
import io.parley.invite.InviteEvents.InviteDeleted;
import io.parley.invite.InviteEvents.InviteUsed;
import io.parley.platform.storage.Jdbc;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps the invites table; invites vanish with their channel or guild. */
@ProcessingGroup(InviteProjection.GROUP)
public final class InviteProjection {
    public static final String GROUP = "invites";

    private final Jdbc jdbc;

    public InviteProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InviteCreated e) {
        jdbc.update("""
                INSERT INTO invites (code, guild_id, channel_id, inviter_id, max_age, max_uses, temporary, created_at,
                                     expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""",
                e.code(), e.guildId(), e.channelId(), e.inviterId(), e.maxAgeSeconds(), e.maxUses(), e.temporary(),
                e.at(), e.expiresAt());
    }

    @EventHandler
    void on(InviteUsed e) {
        jdbc.update("UPDATE invites SET uses = GREATEST(uses, ?) WHERE code = ?", e.uses(), e.code());
    }

    @EventHandler
    void on(InviteDeleted e) {
        jdbc.update("DELETE FROM invites WHERE code = ?", e.code());
    }

    @EventHandler
    void on(ChannelDeleted e) {
        jdbc.update("DELETE FROM invites WHERE channel_id = ?", e.channelId());
    }

    @EventHandler
    void on(GuildDeleted e) {
        jdbc.update("DELETE FROM invites WHERE guild_id = ?", e.guildId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE invites");
    }
}
