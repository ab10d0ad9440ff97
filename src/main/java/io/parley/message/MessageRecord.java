package io.parley.message;

import io.parley.account.UserRecord;
import io.parley.platform.id.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A row of the messages table with its author (for a webhook's message, the webhook as it signed it). */
public record MessageRecord(long id, long channelId, Long guildId, UserRecord author, int type, String content,
                            String nonce, boolean tts, JsonArray embeds, JsonArray attachments, List<Long> mentions,
                            List<Long> mentionRoles, boolean mentionEveryone, Long referencedMessageId, int flags,
                            boolean pinned, OffsetDateTime editedAt, int reactionCount, JsonArray stickerItems,
                            Long webhookId, String webhookAvatarUrl) {
    static final String SELECT = """
            SELECT m.id AS message_id, m.channel_id, m.guild_id, m.type, m.content, m.nonce, m.tts, m.embeds,
                   m.attachments, m.mentions, m.mention_roles, m.mention_everyone, m.referenced_message_id, m.flags AS message_flags,
                   m.pinned, m.pinned_at, m.edited_at, m.reaction_count, m.sticker_items, m.author_id, m.webhook_id,
                   m.webhook_username, m.webhook_avatar_url,
                   u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, u.bot, u.flags
            FROM messages m LEFT JOIN users u ON u.id = m.author_id""";

    /**
     * The row as a message, or null when its author's user row is missing (the users table is
     * being rebuilt by a replay): such a message is left out, as the inner join used to.
     */
    static MessageRecord from(Row row) {
        Long webhookId = row.getLong("webhook_id");
        if (webhookId == null && row.getLong("id") == null) {
            return null;
        }
        UserRecord author = webhookId == null ? UserRecord.from(row) : new UserRecord(webhookId,
                row.getString("webhook_username"), null, null, null, null, null, true, 0);
        return new MessageRecord(row.getLong("message_id"), row.getLong("channel_id"), row.getLong("guild_id"),
                author, row.getInteger("type"), row.getString("content"), row.getString("nonce"),
                row.getBoolean("tts"), new JsonArray(row.getValue("embeds").toString()),
                new JsonArray(row.getValue("attachments").toString()), longs(row.getArrayOfLongs("mentions")),
                longs(row.getArrayOfLongs("mention_roles")), row.getBoolean("mention_everyone"),
                row.getLong("referenced_message_id"), row.getInteger("message_flags"), row.getBoolean("pinned"),
                row.getOffsetDateTime("edited_at"), row.getInteger("reaction_count"),
                new JsonArray(row.getValue("sticker_items").toString()), webhookId,
                webhookId == null ? null : row.getString("webhook_avatar_url"));
    }

    private static List<Long> longs(Long[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** The message object without the parts that need other rows (mentions, reactions, the referenced message). */
    public JsonObject toJson() {
        JsonArray roles = new JsonArray();
        mentionRoles.forEach(id -> roles.add(Long.toString(id)));
        JsonObject json = new JsonObject()
                .put("id", Long.toString(id))
                .put("type", type)
                .put("channel_id", Long.toString(channelId))
                .put("author", author.toPublicJson())
                .put("content", content)
                .put("timestamp", Snowflakes.timestampOf(id).toString())
                .put("edited_timestamp", editedAt == null ? null : editedAt.toInstant().toString())
                .put("tts", tts)
                .put("mention_everyone", mentionEveryone)
                .put("mentions", new JsonArray())
                .put("mention_roles", roles)
                .put("attachments", attachments)
                .put("embeds", embeds)
                .put("reactions", new JsonArray())
                .put("pinned", pinned)
                .put("flags", flags)
                .put("components", new JsonArray())
                .put("sticker_items", stickerItems);
        if (guildId != null) {
            json.put("guild_id", Long.toString(guildId));
        }
        if (webhookId != null) {
            json.put("webhook_id", Long.toString(webhookId))
                    .put("author", new WebhookAuthor(webhookId, author.username(), webhookAvatarUrl).toJson());
        }
        if (nonce != null) {
            json.put("nonce", nonce);
        }
        if (referencedMessageId != null) {
            json.put("message_reference", new JsonObject()
                    .put("type", 0)
                    .put("message_id", Long.toString(referencedMessageId))
                    .put("channel_id", Long.toString(channelId))
                    .put("guild_id", guildId == null ? null : Long.toString(guildId)));
        }
        return json;
    }
}
