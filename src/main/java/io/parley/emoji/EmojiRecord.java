package io.parley.emoji;

import io.parley.account.UserRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A row of the emojis table with its creator, as the emoji object shows them. */
public record EmojiRecord(long id, long guildId, String name, boolean animated, String contentType, UserRecord user) {
    static final String SELECT = """
            SELECT e.id AS emoji_id, e.guild_id, e.name AS emoji_name, e.animated, e.content_type,
                   u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, u.bot, u.flags
            FROM emojis e JOIN users u ON u.id = e.user_id""";

    static EmojiRecord from(Row row) {
        return new EmojiRecord(row.getLong("emoji_id"), row.getLong("guild_id"), row.getString("emoji_name"),
                row.getBoolean("animated"), row.getString("content_type"), UserRecord.from(row));
    }

    /** The emoji object; {@code withUser} (MANAGE_EXPRESSIONS callers) adds its creator as Discord does. */
    public JsonObject toJson(boolean withUser) {
        JsonObject json = new JsonObject().put("id", Long.toString(id)).put("name", name).put("roles", new JsonArray())
                .put("require_colons", true).put("managed", false).put("animated", animated).put("available", true);
        if (withUser) {
            json.put("user", user.toPublicJson());
        }
        return json;
    }
}
