package io.parley.message;

import io.parley.guild.GuildEvents.ChannelDeleted;
import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.message.MessageEvents.MessageDeleted;
import io.parley.message.MessageEvents.MessageEdited;
import io.parley.message.MessageEvents.MessagePosted;
import io.parley.message.MessageEvents.PinChanged;
import io.parley.message.MessageEvents.ReactionAdded;
import io.parley.message.MessageEvents.ReactionRemoved;
import io.parley.message.MessageEvents.ReactionsCleared;
import io.parley.platform.storage.Jdbc;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps the messages and message_reactions tables. Idempotent per event. */
@ProcessingGroup(MessageProjection.GROUP)
public final class MessageProjection {
    public static final String GROUP = "messages";

    private final Jdbc jdbc;

    public MessageProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MessagePosted e) {
        WebhookAuthor webhook = e.webhook();
        jdbc.update("""
                INSERT INTO messages (id, channel_id, guild_id, author_id, type, content, nonce, tts, embeds, attachments,
                                      mentions, mention_roles, mention_everyone, referenced_message_id, flags,
                                      sticker_items, webhook_id, webhook_username, webhook_avatar_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                e.messageId(), e.channelId(), e.guildId(), e.authorId(), e.type(), e.content(), e.nonce(), e.tts(),
                e.embedsJson(), attachmentsJson(e), e.mentions().users().toArray(Long[]::new),
                e.mentions().roles().toArray(Long[]::new), e.mentions().everyone(), e.referencedMessageId(), e.flags(),
                stickerItemsJson(e.stickers()), webhook == null ? null : webhook.webhookId(),
                webhook == null ? null : webhook.username(), webhook == null ? null : webhook.avatarUrl());
    }

    @EventHandler
    void on(MessageEdited e) {
        jdbc.update("UPDATE messages SET content = ?, embeds = ?::jsonb, flags = ?, edited_at = ? WHERE id = ?",
                e.content(), e.embedsJson(), e.flags(), e.at(), e.messageId());
    }

    @EventHandler
    void on(MessageDeleted e) {
        jdbc.update("DELETE FROM message_reactions WHERE message_id = ?", e.messageId());
        jdbc.update("DELETE FROM messages WHERE id = ?", e.messageId());
    }

    @EventHandler
    void on(ReactionAdded e) {
        jdbc.update("""
                INSERT INTO message_reactions (message_id, emoji, user_id, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", e.messageId(), e.emoji(), e.userId(), e.at());
        countReactions(e.messageId());
    }

    @EventHandler
    void on(ReactionRemoved e) {
        jdbc.update("DELETE FROM message_reactions WHERE message_id = ? AND emoji = ? AND user_id = ?",
                e.messageId(), e.emoji(), e.userId());
        countReactions(e.messageId());
    }

    @EventHandler
    void on(ReactionsCleared e) {
        if (e.emoji() == null) {
            jdbc.update("DELETE FROM message_reactions WHERE message_id = ?", e.messageId());
        } else {
            jdbc.update("DELETE FROM message_reactions WHERE message_id = ? AND emoji = ?", e.messageId(), e.emoji());
        }
        countReactions(e.messageId());
    }

    private void countReactions(long messageId) {
        jdbc.update("UPDATE messages SET reaction_count = (SELECT count(*) FROM message_reactions WHERE message_id = ?)"
                + " WHERE id = ?", messageId, messageId);
    }

    @EventHandler
    void on(PinChanged e) {
        jdbc.update("UPDATE messages SET pinned = ?, pinned_at = ? WHERE id = ?",
                e.pinned(), e.pinned() ? e.at() : null, e.messageId());
    }

    @EventHandler
    void on(ChannelDeleted e) {
        jdbc.update("DELETE FROM message_reactions WHERE message_id IN (SELECT id FROM messages WHERE channel_id = ?)",
                e.channelId());
        jdbc.update("DELETE FROM messages WHERE channel_id = ?", e.channelId());
    }

    @EventHandler
    void on(GuildDeleted e) {
        jdbc.update("DELETE FROM message_reactions WHERE message_id IN (SELECT id FROM messages WHERE guild_id = ?)",
                e.guildId());
        jdbc.update("DELETE FROM messages WHERE guild_id = ?", e.guildId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE messages, message_reactions");
    }

    static String stickerItemsJson(java.util.List<StickerItem> stickers) {
        JsonArray array = new JsonArray();
        stickers.forEach(s -> array.add(s.toJson()));
        return array.encode();
    }

    private static String attachmentsJson(MessagePosted e) {
        JsonArray array = new JsonArray();
        e.attachments().forEach(a -> array.add(new JsonObject()
                .put("id", Long.toString(a.id()))
                .put("filename", a.filename())
                .put("description", a.description())
                .put("content_type", a.contentType())
                .put("size", a.size())
                .put("url", a.url())
                .put("proxy_url", a.url())));
        return array.encode();
    }
}
