package io.parley.gateway;

import io.parley.guild.ChannelRecord;
import io.parley.guild.ChannelTypes;
import io.parley.permission.Permission;
import io.parley.platform.axon.Commands;
import io.parley.voice.LiveKitHealth;
import io.parley.voice.VoiceCommands;
import io.parley.voice.VoiceCommands.SelfFlags;
import io.parley.voice.VoiceCommands.UpdateSelfFlags;
import io.parley.voice.VoiceStateQueries;
import io.parley.voice.VoiceStateQueries.ServerVoice;
import io.parley.voice.VoiceStateRecord;
import io.parley.voice.VoiceTokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Gateway op 4: checks CONNECT, the channel's user_limit and that LiveKit is up, and answers
 * that session alone with VOICE_SERVER_UPDATE carrying a LiveKit join token. Voice state itself
 * changes only when LiveKit's webhook confirms the participant, except for op 4 into the
 * channel this session is already connected to: that only changes the self flags. A refused
 * join is answered with op 12.
 */
final class VoiceRequests {
    private static final Logger log = LoggerFactory.getLogger(VoiceRequests.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sessions sessions;
    private final VoiceTokens tokens;
    private final String endpoint;
    private final VoiceStateQueries states;
    private final LiveKitHealth health;
    private final Commands commands;

    VoiceRequests(Sessions sessions, VoiceTokens tokens, String endpoint, VoiceStateQueries states,
                  LiveKitHealth health, Commands commands) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.endpoint = endpoint;
        this.states = states;
        this.health = health;
        this.commands = commands;
    }

    /** False when the payload is malformed (the caller closes with 4002). */
    boolean handle(GatewaySession session, Object raw, GatewayConnection connection) {
        if (!(raw instanceof JsonObject d) || !(d.getValue("guild_id") instanceof String guildText)
                || !isId(guildText) || d.containsKey("channel_id") && d.getValue("channel_id") != null
                && !(d.getValue("channel_id") instanceof String c && isId(c))
                || !flag(d, "self_mute") || !flag(d, "self_deaf") || !flag(d, "self_video")
                || !flag(d, "self_stream")) {
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
        SelfFlags self = new SelfFlags(d.getBoolean("self_mute", false), d.getBoolean("self_deaf", false),
                d.getBoolean("self_video", false), d.getBoolean("self_stream", false));
        states.of(guildId, session.userId).compose(current -> {
            if (current.isPresent() && current.get().channelId() == channelId
                    && session.id.equals(current.get().sessionId())) {
                return commands.send(new UpdateSelfFlags(VoiceCommands.id(guildId, session.userId), guildId,
                        session.userId, self, Instant.now())).<Void>mapEmpty();
            }
            return join(session, connection, channel, permissions, self);
        }).onFailure(failure -> {
            log.warn("op 4 of session {} failed: {}", session.id, failure.toString());
            error(connection, 130000, "Voice is unavailable, try again later");
        });
        return true;
    }

    private Future<Void> join(GatewaySession session, GatewayConnection connection, ChannelRecord channel,
                              long permissions, SelfFlags self) {
        return health.available().compose(up -> {
            if (!up) {
                error(connection, 130000, "Voice is unavailable, try again later");
                return Future.<Void>succeededFuture();
            }
            return full(session.userId, channel, permissions).<Void>map(isFull -> {
                if (isFull) {
                    error(connection, 50013, "Voice channel is full");
                } else {
                    serverUpdate(session, channel.guildId(), channel.id(), permissions, self);
                }
                return null;
            });
        });
    }

    /** At its user_limit without this member in it; MOVE_MEMBERS ignores the limit (Discord). */
    private Future<Boolean> full(long userId, ChannelRecord channel, long permissions) {
        int limit = channel.settings().userLimit();
        if (limit <= 0 || Permission.has(permissions, Permission.MOVE_MEMBERS)) {
            return Future.succeededFuture(false);
        }
        return states.inChannel(channel.id())
                .map(list -> list.stream().map(VoiceStateRecord::userId).filter(id -> id != userId).count() >= limit);
    }

    /**
     * Sends the session VOICE_SERVER_UPDATE with a token for the channel's room, as a new
     * connection; the token carries a server mute/deafen the member has (the enforcer pushes it
     * again once LiveKit reports the join).
     */
    void serverUpdate(GatewaySession session, long guildId, long channelId, long permissions, SelfFlags self) {
        states.serverVoice(guildId, session.userId).onComplete(read -> {
            if (read.failed()) {
                log.warn("server mute of {} unknown, the enforcer applies it after the join: {}", session.userId,
                        read.cause().toString());
            }
            ServerVoice server = read.succeeded() ? read.result() : ServerVoice.NONE;
            serverUpdate(session, guildId, channelId, permissions, self, server.mute(), server.deaf());
        });
    }

    private void serverUpdate(GatewaySession session, long guildId, long channelId, long permissions, SelfFlags self,
                              boolean mute, boolean deaf) {
        String connectionId = HexFormat.of().formatHex(randomBytes());
        String guildText = Long.toString(guildId);
        String channelText = Long.toString(channelId);
        String metadata = new JsonObject().put("guild_id", guildText).put("channel_id", channelText)
                .put("user_id", Long.toString(session.userId)).put("session_id", session.id)
                .put("self_mute", self.mute()).put("self_deaf", self.deaf()).put("self_video", self.video())
                .put("self_stream", self.stream()).encode();
        String token = tokens.mint(guildId, channelId, session.userId, connectionId, permissions, mute, deaf, metadata);
        session.dispatchOnContext("VOICE_SERVER_UPDATE", new JsonObject().put("token", token)
                .put("guild_id", guildText).put("channel_id", channelText).put("endpoint", endpoint)
                .put("connection_id", connectionId).encode());
    }

    private static void error(GatewayConnection connection, int code, String message) {
        connection.send(new JsonObject().put("op", Opcodes.GATEWAY_ERROR)
                .put("d", new JsonObject().put("code", code).put("message", message)).encode());
    }

    private static boolean flag(JsonObject d, String name) {
        Object value = d.getValue(name);
        return value == null || value instanceof Boolean;
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
