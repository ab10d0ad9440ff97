package io.parley.guild;

import io.parley.platform.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/** Reactive reads of the guild structure tables. */
public final class GuildQueries {
    private final Pool pool;

    public GuildQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<GuildRecord>> guild(long guildId) {
        return pool.preparedQuery("SELECT " + GuildRecord.COLUMNS + " FROM guilds WHERE id = $1")
                .execute(Tuple.of(guildId)).map(rows -> Rows.first(rows, GuildRecord::from));
    }

    public Future<List<RoleRecord>> roles(long guildId) {
        return pool.preparedQuery("SELECT " + RoleRecord.COLUMNS + " FROM roles WHERE guild_id = $1 ORDER BY position, id")
                .execute(Tuple.of(guildId)).map(rows -> Rows.all(rows, RoleRecord::from));
    }

    public Future<List<ChannelRecord>> channels(long guildId) {
        return pool.preparedQuery("SELECT " + ChannelRecord.COLUMNS
                        + " FROM channels WHERE guild_id = $1 ORDER BY position, id")
                .execute(Tuple.of(guildId)).map(rows -> Rows.all(rows, ChannelRecord::from));
    }

    public Future<Optional<ChannelRecord>> channel(long channelId) {
        return pool.preparedQuery("SELECT " + ChannelRecord.COLUMNS + " FROM channels WHERE id = $1")
                .execute(Tuple.of(channelId)).map(rows -> Rows.first(rows, ChannelRecord::from));
    }

    /** The guilds a user is a member of, by id. */
    public Future<List<GuildRecord>> guildsOf(long userId) {
        return pool.preparedQuery("SELECT " + prefixed("g.", GuildRecord.COLUMNS)
                        + " FROM guilds g JOIN members m ON m.guild_id = g.id WHERE m.user_id = $1 ORDER BY g.id")
                .execute(Tuple.of(userId)).map(rows -> Rows.all(rows, GuildRecord::from));
    }

    public Future<Long> memberCount(long guildId) {
        return pool.preparedQuery("SELECT count(*) FROM members WHERE guild_id = $1")
                .execute(Tuple.of(guildId)).map(rows -> rows.iterator().next().getLong(0));
    }

    public Future<Long> guildCountOf(long userId) {
        return pool.preparedQuery("SELECT count(*) FROM members WHERE user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getLong(0));
    }

    static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }
}
