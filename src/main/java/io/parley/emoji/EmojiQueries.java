package io.parley.emoji;

import io.parley.platform.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/** Reactive reads of the emojis table. */
public final class EmojiQueries {
    private final Pool pool;

    public EmojiQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<EmojiRecord>> emoji(long emojiId) {
        return pool.preparedQuery(EmojiRecord.SELECT + " WHERE e.id = $1").execute(Tuple.of(emojiId))
                .map(rows -> Rows.first(rows, EmojiRecord::from));
    }

    public Future<List<EmojiRecord>> ofGuild(long guildId) {
        return pool.preparedQuery(EmojiRecord.SELECT + " WHERE e.guild_id = $1 ORDER BY e.id").execute(Tuple.of(guildId))
                .map(rows -> Rows.all(rows, EmojiRecord::from));
    }
}
