package io.parley.webhook;

import io.parley.platform.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/** Reactive reads of the webhooks table. */
public final class WebhookQueries {
    private final Pool pool;

    public WebhookQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<WebhookRecord>> webhook(long webhookId) {
        return pool.preparedQuery(WebhookRecord.SELECT + " WHERE w.id = $1").execute(Tuple.of(webhookId))
                .map(rows -> Rows.first(rows, WebhookRecord::from));
    }

    public Future<List<WebhookRecord>> ofChannel(long channelId) {
        return pool.preparedQuery(WebhookRecord.SELECT + " WHERE w.channel_id = $1 ORDER BY w.id")
                .execute(Tuple.of(channelId)).map(rows -> Rows.all(rows, WebhookRecord::from));
    }

    public Future<List<WebhookRecord>> ofGuild(long guildId) {
        return pool.preparedQuery(WebhookRecord.SELECT + " WHERE w.guild_id = $1 ORDER BY w.id")
                .execute(Tuple.of(guildId)).map(rows -> Rows.all(rows, WebhookRecord::from));
    }
}
