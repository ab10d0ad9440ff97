package io.parley.member;

import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.guild.GuildEvents.RoleDeleted;
import io.parley.member.MemberEvents.MemberJoined;
import io.parley.member.MemberEvents.MemberRemoved;
import io.parley.member.MemberEvents.MemberUpdated;
import io.parley.member.MemberEvents.UserBanned;
import io.parley.member.MemberEvents.UserUnbanned;
import io.parley.platform.storage.Jdbc;
import io.parley.voice.VoiceEvents.ServerVoiceChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Keeps the members, bans and server_voice_flags tables, and drops rows a guild or role
 * deletion leaves behind. Server mute/deafen lives in the member's voice state aggregate; its
 * ServerVoiceChanged is recorded here so every member object shows it, in or out of voice.
 */
@ProcessingGroup(MemberProjection.GROUP)
public final class MemberProjection {
    public static final String GROUP = "members";

    private final Jdbc jdbc;

    public MemberProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberJoined e) {
        jdbc.update("""
                INSERT INTO members (guild_id, user_id, joined_at) VALUES (?, ?, ?)
                ON CONFLICT (guild_id, user_id) DO NOTHING""", e.guildId(), e.userId(), e.at());
    }

    @EventHandler
    void on(MemberUpdated e) {
        jdbc.update("""
                UPDATE members SET nick = ?, roles = ?, communication_disabled_until = ?
                WHERE guild_id = ? AND user_id = ?""",
                e.nick(), e.roles().toArray(Long[]::new), e.communicationDisabledUntil(), e.guildId(), e.userId());
    }

    @EventHandler
    void on(MemberRemoved e) {
        jdbc.update("DELETE FROM members WHERE guild_id = ? AND user_id = ?", e.guildId(), e.userId());
    }

    @EventHandler
    void on(UserBanned e) {
        jdbc.update("DELETE FROM members WHERE guild_id = ? AND user_id = ?", e.guildId(), e.userId());
        jdbc.update("""
                INSERT INTO bans (guild_id, user_id, reason, delete_message_seconds, banned_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (guild_id, user_id) DO NOTHING""",
                e.guildId(), e.userId(), e.reason(), e.deleteMessageSeconds(), e.at());
    }

    @EventHandler
    void on(UserUnbanned e) {
        jdbc.update("DELETE FROM bans WHERE guild_id = ? AND user_id = ?", e.guildId(), e.userId());
    }

    @EventHandler
    void on(ServerVoiceChanged e) {
        if (!e.mute() && !e.deaf()) {
            jdbc.update("DELETE FROM server_voice_flags WHERE guild_id = ? AND user_id = ?", e.guildId(), e.userId());
            return;
        }
        jdbc.update("""
                INSERT INTO server_voice_flags (guild_id, user_id, mute, deaf) VALUES (?, ?, ?, ?)
                ON CONFLICT (guild_id, user_id) DO UPDATE SET mute = EXCLUDED.mute, deaf = EXCLUDED.deaf""",
                e.guildId(), e.userId(), e.mute(), e.deaf());
    }

    @EventHandler
    void on(RoleDeleted e) {
        jdbc.update("UPDATE members SET roles = array_remove(roles, ?) WHERE guild_id = ? AND ? = ANY(roles)",
                e.roleId(), e.guildId(), e.roleId());
    }

    @EventHandler
    void on(GuildDeleted e) {
        jdbc.update("DELETE FROM members WHERE guild_id = ?", e.guildId());
        jdbc.update("DELETE FROM bans WHERE guild_id = ?", e.guildId());
        jdbc.update("DELETE FROM server_voice_flags WHERE guild_id = ?", e.guildId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE members, bans, server_voice_flags");
    }
}
