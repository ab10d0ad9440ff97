package io.parley.webhook;

import io.parley.account.UserRecord;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A row of the webhooks table with its creator (who may have left; then null). */
public record WebhookRecord(long id, long guildId, long channelId, String name, String tokenHash, UserRecord creator) {
    /** Discord's webhook type of an incoming webhook. */
    static final int INCOMING = 1;
    static final String SELECT = """
            SELECT w.id AS webhook_id, w.guild_id, w.channel_id, w.name AS webhook_name, w.token_hash,
                   u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, u.bot, u.flags
            FROM webhooks w LEFT JOIN users u ON u.id = w.user_id""";

    static WebhookRecord from(Row row) {
        return new WebhookRecord(row.getLong("webhook_id"), row.getLong("guild_id"), row.getLong("channel_id"),
                row.getString("webhook_name"), row.getString("token_hash"),
                row.getLong("id") == null ? null : UserRecord.from(row));
    }

    /**
     * The webhook object. {@code withUser} adds the creator (callers with MANAGE_WEBHOOKS);
     * {@code token} is non-null only in the reply to the creation: only its hash is kept.
     */
    JsonObject toJson(boolean withUser, String token, String apiBase) {
        JsonObject json = new JsonObject().put("id", Long.toString(id)).put("type", INCOMING)
                .put("guild_id", Long.toString(guildId)).put("channel_id", Long.toString(channelId))
                .put("name", name).put("avatar", null).put("application_id", null);
        if (withUser && creator != null) {
            json.put("user", creator.toPublicJson());
        }
        if (token != null) {
            json.put("token", token).put("url", apiBase + "/webhooks/" + id + "/" + token);
        }
        return json;
    }
}
