package io.parley.sticker;

import io.parley.message.StickerItem;
import io.parley.platform.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/** Reactive reads of the stickers table. */
public final class StickerQueries {
    private final Pool pool;

    public StickerQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<StickerRecord>> sticker(long stickerId) {
        return pool.preparedQuery(StickerRecord.SELECT + " WHERE s.id = $1").execute(Tuple.of(stickerId))
                .map(rows -> Rows.first(rows, StickerRecord::from));
    }

    public Future<List<StickerRecord>> ofGuild(long guildId) {
        return pool.preparedQuery(StickerRecord.SELECT + " WHERE s.guild_id = $1 ORDER BY s.id")
                .execute(Tuple.of(guildId)).map(rows -> Rows.all(rows, StickerRecord::from));
    }

    /** The stickers of {@code guildId} among {@code ids}, in the order asked; unknown ones are left out. */
    public Future<List<StickerItem>> items(long guildId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return pool.preparedQuery("SELECT id, name, format_type FROM stickers WHERE guild_id = $1 AND id = ANY($2)")
                .execute(Tuple.of(guildId, (Object) ids.toArray(Long[]::new)))
                .map(rows -> {
                    List<StickerItem> found = Rows.all(rows, row -> new StickerItem(row.getLong("id"),
                            row.getString("name"), row.getInteger("format_type")));
                    return ids.stream().flatMap(id -> found.stream().filter(s -> s.id() == id)).toList();
                });
    }
}
