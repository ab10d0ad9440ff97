package io.parley.invite;

import io.parley.platform.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/** Reactive reads of the invites table. */
public final class InviteQueries {
    private final Pool pool;

    public InviteQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<InviteRecord>> invite(String code) {
        return pool.preparedQuery(InviteRecord.SELECT + " WHERE i.code = $1").execute(Tuple.of(code))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(InviteRecord.from(rows.iterator().next())));
    }

    public Future<List<InviteRecord>> ofGuild(long guildId) {
        return list(" WHERE i.guild_id = $1", guildId);
    }

    public Future<List<InviteRecord>> ofChannel(long channelId) {
        return list(" WHERE i.channel_id = $1", channelId);
    }

    public Future<Long> countOfGuild(long guildId) {
        return pool.preparedQuery("SELECT count(*) FROM invites WHERE guild_id = $1").execute(Tuple.of(guildId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** A usable invite of the same inviter and settings on the channel, for {@code unique: false}. */
    public Future<Optional<String>> reusable(long channelId, long inviterId, int maxAge, int maxUses, boolean temporary) {
        return pool.preparedQuery("""
                        SELECT code FROM invites WHERE channel_id = $1 AND inviter_id = $2 AND max_age = $3
                        AND max_uses = $4 AND temporary = $5 AND (expires_at IS NULL OR expires_at > now())
                        AND (max_uses = 0 OR uses < max_uses) LIMIT 1""")
                .execute(Tuple.of(channelId, inviterId, maxAge, maxUses, temporary))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    private Future<List<InviteRecord>> list(String where, long id) {
        return pool.preparedQuery(InviteRecord.SELECT + where + " ORDER BY i.created_at").execute(Tuple.of(id))
                .map(rows -> Rows.all(rows, InviteRecord::from));
    }
}
