package io.parley.gateway;

import io.parley.guild.ChannelRecord;
import io.parley.guild.ChannelTypes;
import io.parley.permission.Permission;
import io.parley.voice.VoiceTokens;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Gateway op 4: checks CONNECT on the voice channel and answers that session alone with
 * VOICE_SERVER_UPDATE carrying a LiveKit join token. Voice state itself changes only when
 * LiveKit's webhook confirms the participant. A refused join is answered with op 12.
 */
final class VoiceRequests {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sessions sessions;
    private final VoiceTokens tokens;
    private final String endpoint;

    VoiceRequests(Sessions sessions, VoiceTokens tokens, String endpoint) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.endpoint = endpoint;
    }

    /** False when the payload is malformed (the caller closes with 4002). */
    boolean handle(GatewaySession session, Object raw, GatewayConnection connection) {
        if (!(raw instanceof JsonObject d) || !(d.getValue("guild_id") instanceof String guildText)
                || !isId(guildText) || d.containsKey("channel_id") && d.getValue("channel_id") != null
                && !(d.getValue("channel_id") instanceof String c && isId(c))) {
            return false;
        }
        long guildId = Long.parseLong(guildText);
        String channelText = d.getString("channel_id");
        if (channelText == null) {
            return true; // leaving: the client hangs up on LiveKit and the participant_left webhook records it
        }
        long channelId = Long.parseLong(channelText);
        GuildView view = session.guilds.contains(guildId) ? sessions.view(guildId).orElse(null) : null;
        ChannelRecord channel = view == null ? null : view.channel(channelId);
        if (channel == null || channel.type() != ChannelTypes.GUILD_VOICE) {
            error(connection, 10003, "Unknown Channel");
            return true;
        }
        long permissions = view.channelPermissions(session.userId, channelId);
        if (!Permission.has(permissions, Permission.CONNECT)) {
            // also what a timed-out member gets: a timeout leaves only VIEW_CHANNEL and READ_MESSAGE_HISTORY
            error(connection, 50013, "Missing Permissions");
            return true;
        }
        String connectionId = HexFormat.of().formatHex(randomBytes());
        String metadata = new JsonObject().put("guild_id", guildText).put("channel_id", channelText)
                .put("user_id", Long.toString(session.userId)).put("session_id", session.id)
                .put("self_mute", d.getBoolean("self_mute", false)).put("self_deaf", d.getBoolean("self_deaf", false))
                .put("self_video", d.getBoolean("self_video", false))
                .put("self_stream", d.getBoolean("self_stream", false)).encode();
        String token = tokens.mint(guildId, channelId, session.userId, connectionId, permissions, metadata);
        session.dispatchOnContext("VOICE_SERVER_UPDATE", new JsonObject().put("token", token)
                .put("guild_id", guildText).put("channel_id", channelText).put("endpoint", endpoint)
                .put("connection_id", connectionId).encode());
        return true;
    }

    private static void error(GatewayConnection connection, int code, String message) {
        connection.send(new JsonObject().put("op", Opcodes.GATEWAY_ERROR)
                .put("d", new JsonObject().put("code", code).put("message", message)).encode());
    }

    private static boolean isId(String text) {
        return text.matches("\\d{1,19}");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
