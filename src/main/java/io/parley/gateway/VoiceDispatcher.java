package io.parley.gateway;

import io.parley.voice.VoiceEvents.VoiceStateChanged;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** Voice-state events become VOICE_STATE_UPDATE for the guild's sessions with GUILD_VOICE_STATES. */
@ProcessingGroup(GatewayDispatcher.GROUP)
final class VoiceDispatcher {
    private final Audience audience;
    private final UserDirectory users;

    VoiceDispatcher(Sessions sessions, UserDirectory users) {
        this.audience = new Audience(sessions);
        this.users = users;
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
}
