package io.parley.gateway;

import io.parley.voice.VoiceEvents.VoiceMoveRequested;
import io.parley.voice.VoiceEvents.VoiceStateChanged;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.function.Supplier;

/**
 * Voice-state events become VOICE_STATE_UPDATE for the guild's sessions with GUILD_VOICE_STATES;
 * a moderator's move sends the moved member's session (when it is on this node) a
 * VOICE_SERVER_UPDATE for the new room.
 */
@ProcessingGroup(GatewayDispatcher.GROUP)
final class VoiceDispatcher {
    private final Sessions sessions;
    private final Audience audience;
    private final UserDirectory users;
    private final Supplier<VoiceRequests> voice;

    VoiceDispatcher(Sessions sessions, UserDirectory users) {
        this(sessions, users, () -> null);
    }

    VoiceDispatcher(Sessions sessions, UserDirectory users, Supplier<VoiceRequests> voice) {
        this.sessions = sessions;
        this.audience = new Audience(sessions);
        this.users = users;
        this.voice = voice;
    }

    @EventHandler
    void on(VoiceStateChanged e) {
        JsonObject user = users.user(e.userId());
        JsonObject state = new JsonObject().put("guild_id", Long.toString(e.guildId()))
                .put("channel_id", e.channelId() == null ? null : Long.toString(e.channelId()))
                .put("user_id", Long.toString(e.userId()))
                .put("member", new JsonObject().put("user", user).put("roles", new JsonArray()).put("deaf", e.deaf())
                        .put("mute", e.mute()))
                .put("session_id", e.sessionId()).put("connection_id", e.connectionId())
                .put("deaf", e.deaf()).put("mute", e.mute())
                .put("self_deaf", e.self().deaf()).put("self_mute", e.self().mute())
                .put("self_video", e.self().video()).put("self_stream", e.self().stream()).put("suppress", false);
        audience.guild(e.guildId(), null, null, Intents.GUILD_VOICE_STATES, "VOICE_STATE_UPDATE", state.encode());
    }

    @EventHandler
    void on(VoiceMoveRequested e) {
        VoiceRequests requests = voice.get();
        GatewaySession session = e.sessionId() == null ? null : sessions.byId(e.sessionId()).orElse(null);
        GuildView view = sessions.view(e.guildId()).orElse(null);
        if (requests == null || session == null || session.userId != e.userId() || view == null) {
            return;
        }
        requests.serverUpdate(session, e.guildId(), e.toChannelId(), view.channelPermissions(e.userId(),
                e.toChannelId()), e.self());
    }
}
