package io.parley.voice;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A row of voice_states: a member connected to a voice channel. */
public record VoiceStateRecord(long guildId, long userId, long channelId, String connectionId, String sessionId,
                               boolean selfMute, boolean selfDeaf, boolean selfVideo, boolean selfStream,
                               boolean mute, boolean deaf) {
    static final String COLUMNS = "guild_id, user_id, channel_id, connection_id, session_id, self_mute, self_deaf, "
            + "self_video, self_stream, mute, deaf";

    static VoiceStateRecord from(Row row) {
        return new VoiceStateRecord(row.getLong("guild_id"), row.getLong("user_id"), row.getLong("channel_id"),
                row.getString("connection_id"), row.getString("session_id"), row.getBoolean("self_mute"),
                row.getBoolean("self_deaf"), row.getBoolean("self_video"), row.getBoolean("self_stream"),
                row.getBoolean("mute"), row.getBoolean("deaf"));
    }

    /** The voice state object as GUILD_CREATE lists it. */
    public JsonObject toJson() {
        return new JsonObject().put("guild_id", Long.toString(guildId)).put("channel_id", Long.toString(channelId))
                .put("user_id", Long.toString(userId)).put("session_id", sessionId).put("connection_id", connectionId)
                .put("deaf", deaf).put("mute", mute).put("self_deaf", selfDeaf).put("self_mute", selfMute)
                .put("self_video", selfVideo).put("self_stream", selfStream).put("suppress", false);
    }
}
