package io.parley.voice;

import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.platform.storage.Jdbc;
import io.parley.voice.VoiceEvents.VoiceStateChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps the voice_states table: one row per member connected to a voice channel. */
@ProcessingGroup(VoiceStateProjection.GROUP)
public final class VoiceStateProjection {
    public static final String GROUP = "voice-states";

    private final Jdbc jdbc;

    public VoiceStateProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VoiceStateChanged e) {
        if (e.channelId() == null) {
            jdbc.update("DELETE FROM voice_states WHERE guild_id = ? AND user_id = ?", e.guildId(), e.userId());
            return;
        }
        jdbc.update("""
                INSERT INTO voice_states (guild_id, user_id, channel_id, connection_id, session_id, self_mute, self_deaf,
                                          self_video, self_stream, mute, deaf)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (guild_id, user_id) DO UPDATE SET channel_id = EXCLUDED.channel_id,
                    connection_id = EXCLUDED.connection_id, session_id = EXCLUDED.session_id,
                    self_mute = EXCLUDED.self_mute, self_deaf = EXCLUDED.self_deaf, self_video = EXCLUDED.self_video,
                    self_stream = EXCLUDED.self_stream, mute = EXCLUDED.mute, deaf = EXCLUDED.deaf""",
                e.guildId(), e.userId(), e.channelId(), e.connectionId(), e.sessionId(), e.self().mute(),
                e.self().deaf(), e.self().video(), e.self().stream(), e.mute(), e.deaf());
    }

    @EventHandler
    void on(GuildDeleted e) {
        jdbc.update("DELETE FROM voice_states WHERE guild_id = ?", e.guildId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE voice_states");
    }
}
