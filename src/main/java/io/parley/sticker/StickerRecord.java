package io.parley.sticker;

import io.parley.account.UserRecord;
import io.parley.message.StickerItem;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A row of the stickers table with its creator, as the sticker object shows them. */
public record StickerRecord(long id, long guildId, String name, String description, String tags, int formatType,
                            String contentType, UserRecord user) {
    /** Discord's sticker type of a guild's own sticker (1 is a standard, packaged one). */
    static final int GUILD = 2;
    static final String SELECT = """
            SELECT s.id AS sticker_id, s.guild_id, s.name AS sticker_name, s.description, s.tags, s.format_type,
                   s.content_type, u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, u.bot,
                   u.flags
            FROM stickers s JOIN users u ON u.id = s.user_id""";

    static StickerRecord from(Row row) {
        return new StickerRecord(row.getLong("sticker_id"), row.getLong("guild_id"), row.getString("sticker_name"),
                row.getString("description"), row.getString("tags"), row.getInteger("format_type"),
                row.getString("content_type"), UserRecord.from(row));
    }

    public StickerItem item() {
        return new StickerItem(id, name, formatType);
    }

    /** The sticker object; {@code withUser} (MANAGE_EXPRESSIONS callers) adds its creator as Discord does. */
    public JsonObject toJson(boolean withUser) {
        JsonObject json = new JsonObject().put("id", Long.toString(id)).put("name", name)
                .put("description", description).put("tags", tags).put("type", GUILD).put("format_type", formatType)
                .put("available", true).put("guild_id", Long.toString(guildId));
        if (withUser) {
            json.put("user", user.toPublicJson());
        }
        return json;
    }
}
