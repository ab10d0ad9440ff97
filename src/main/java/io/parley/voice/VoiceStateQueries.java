package io.parley.voice;

import io.parley.platform.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/** Reactive reads of the voice_states table. */
public final class VoiceStateQueries {
    private static final String SELECT = "SELECT " + VoiceStateRecord.COLUMNS + " FROM voice_states";

    private final Pool pool;

    public VoiceStateQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<List<VoiceStateRecord>> inGuild(long guildId) {
        return pool.preparedQuery(SELECT + " WHERE guild_id = $1 ORDER BY user_id").execute(Tuple.of(guildId))
                .map(rows -> Rows.all(rows, VoiceStateRecord::from));
    }

    public Future<List<VoiceStateRecord>> inChannel(long channelId) {
        return pool.preparedQuery(SELECT + " WHERE channel_id = $1 ORDER BY user_id").execute(Tuple.of(channelId))
                .map(rows -> Rows.all(rows, VoiceStateRecord::from));
    }

    /** Server mute and deafen of a member, in voice or not. */
    public record ServerVoice(boolean mute, boolean deaf) {
        public static final ServerVoice NONE = new ServerVoice(false, false);
    }

    public Future<ServerVoice> serverVoice(long guildId, long userId) {
        return pool.preparedQuery("SELECT mute, deaf FROM server_voice_flags WHERE guild_id = $1 AND user_id = $2")
                .execute(Tuple.of(guildId, userId))
                .map(rows -> Rows.first(rows, row -> new ServerVoice(row.getBoolean("mute"), row.getBoolean("deaf")))
                        .orElse(ServerVoice.NONE));
    }

    public Future<Optional<VoiceStateRecord>> of(long guildId, long userId) {
        return pool.preparedQuery(SELECT + " WHERE guild_id = $1 AND user_id = $2").execute(Tuple.of(guildId, userId))
                .map(rows -> Rows.first(rows, VoiceStateRecord::from));
    }
}
