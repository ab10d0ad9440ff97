package io.parley.gateway;

import io.parley.message.Attachment;
import io.parley.message.MessageEvents.MessageDeleted;
import io.parley.message.MessageEvents.MessageEdited;
import io.parley.message.MessageEvents.MessagePosted;
import io.parley.message.MessageEvents.PinChanged;
import io.parley.message.MessageEvents.ReactionAdded;
import io.parley.message.MessageEvents.ReactionRemoved;
import io.parley.message.MessageEvents.ReactionsCleared;
import io.parley.message.TypingEvents;
import io.parley.permission.Permission;
import io.parley.platform.id.Snowflakes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.ArrayList;
import java.util.List;

import static io.parley.gateway.GatewayDispatcher.id;

/**
 * MESSAGE_*, reaction, pin and typing dispatches. Each payload is encoded once (twice for
 * MESSAGE_CREATE/UPDATE: with and without content, for bots lacking MESSAGE_CONTENT).
 */
@ProcessingGroup(GatewayDispatcher.GROUP)
final class MessageDispatcher {
    private final Audience audience;
    private final UserDirectory users;
    private final PrivateChannelDirectory privateChannels;

    MessageDispatcher(Sessions sessions, UserDirectory users, PrivateChannelDirectory privateChannels, Vertx vertx) {
        this(sessions, users, privateChannels);
        vertx.eventBus().<JsonObject>localConsumer(TypingEvents.ADDRESS, message -> {
            JsonObject typing = message.body();
            audience.guild(Long.parseLong(typing.getString("guild_id")), Long.parseLong(typing.getString("channel_id")),
                    null, Intents.GUILD_MESSAGE_TYPING, "TYPING_START", typing.encode());
        });
    }

    /** Without the typing listener: a replay for one session. */
    MessageDispatcher(Sessions sessions, UserDirectory users, PrivateChannelDirectory privateChannels) {
        this.audience = new Audience(sessions);
        this.users = users;
        this.privateChannels = privateChannels;
    }

    @EventHandler
    void on(MessagePosted e) {
        JsonObject message = new JsonObject()
                .put("id", id(e.messageId())).put("type", e.type()).put("channel_id", id(e.channelId()))
                .put("guild_id", e.guildId() == null ? null : id(e.guildId())).put("author", e.webhook() == null ? users.user(e.authorId()) : e.webhook().toJson())
                .put("content", e.content()).put("timestamp", Snowflakes.timestampOf(e.messageId()).toString())
                .putNull("edited_timestamp").put("tts", e.tts()).put("mention_everyone", e.mentions().everyone())
                .put("mentions", mentions(e.mentions().users())).put("mention_roles", ids(e.mentions().roles()))
                .put("attachments", attachments(e.attachments())).put("embeds", new JsonArray(e.embedsJson()))
                .put("reactions", new JsonArray()).put("pinned", false).put("flags", e.flags())
                .put("components", new JsonArray()).put("sticker_items", stickerItems(e));
        if (e.nonce() != null) {
            message.put("nonce", e.nonce());
        }
        if (e.webhook() != null) {
            message.put("webhook_id", id(e.webhook().webhookId()));
        }
        if (e.referencedMessageId() != null) {
            message.put("message_reference", new JsonObject().put("type", 0)
                    .put("message_id", id(e.referencedMessageId())).put("channel_id", id(e.channelId()))
                    .put("guild_id", e.guildId() == null ? null : id(e.guildId())));
        }
        if (e.guildId() == null) {
            message.remove("guild_id");
            toRecipients(e.channelId(), Intents.DIRECT_MESSAGES, "MESSAGE_CREATE", message);
            return;
        }
        if (e.webhook() == null) {
            JsonObject member = users.member(e.guildId(), e.authorId());
            if (member != null) {
                message.put("member", member);
            }
        }
        List<Long> alwaysFull = new ArrayList<>(e.mentions().users());
        alwaysFull.add(e.authorId());
        audience.guildMessage(e.guildId(), e.channelId(), Intents.GUILD_MESSAGES, "MESSAGE_CREATE",
                message.encode(), stripped(message).encode(), alwaysFull);
    }

    @EventHandler
    void on(MessageEdited e) {
        if (e.guildId() == null) {
            toRecipients(e.channelId(), Intents.DIRECT_MESSAGES, "MESSAGE_UPDATE", new JsonObject()
                    .put("id", id(e.messageId())).put("channel_id", id(e.channelId())).put("content", e.content())
                    .put("embeds", new JsonArray(e.embedsJson())).put("flags", e.flags())
                    .put("edited_timestamp", e.at().toString()));
            return;
        }
        JsonObject update = new JsonObject().put("id", id(e.messageId())).put("channel_id", id(e.channelId()))
                .put("guild_id", id(e.guildId())).put("content", e.content()).put("embeds", new JsonArray(e.embedsJson()))
                .put("flags", e.flags()).put("edited_timestamp", e.at().toString());
        audience.guildMessage(e.guildId(), e.channelId(), Intents.GUILD_MESSAGES, "MESSAGE_UPDATE",
                update.encode(), stripped(update).encode(), List.of(e.actorId()));
    }

    @EventHandler
    void on(MessageDeleted e) {
        if (e.bulk() != null) {
            if (e.messageId() == e.bulk().get(e.bulk().size() - 1)) {
                bulkDeleted(e);
            }
            return;
        }
        if (e.guildId() == null) {
            toRecipients(e.channelId(), Intents.DIRECT_MESSAGES, "MESSAGE_DELETE", new JsonObject()
                    .put("id", id(e.messageId())).put("channel_id", id(e.channelId())));
        } else {
            audience.guild(e.guildId(), e.channelId(), null, Intents.GUILD_MESSAGES, "MESSAGE_DELETE", new JsonObject()
                    .put("id", id(e.messageId())).put("channel_id", id(e.channelId())).put("guild_id", id(e.guildId()))
                    .encode());
        }
    }

    /** One MESSAGE_DELETE_BULK {ids, channel_id, guild_id} for a bulk delete, sent with its last deletion. */
    private void bulkDeleted(MessageDeleted e) {
        JsonObject bulk = new JsonObject().put("ids", ids(e.bulk())).put("channel_id", id(e.channelId()));
        if (e.guildId() == null) {
            toRecipients(e.channelId(), Intents.DIRECT_MESSAGES, "MESSAGE_DELETE_BULK", bulk);
        } else {
            audience.guild(e.guildId(), e.channelId(), null, Intents.GUILD_MESSAGES, "MESSAGE_DELETE_BULK",
                    bulk.put("guild_id", id(e.guildId())).encode());
        }
    }

    @EventHandler
    void on(ReactionAdded e) {
        if (e.guildId() == null) {
            toRecipients(e.channelId(), Intents.DIRECT_MESSAGE_REACTIONS, "MESSAGE_REACTION_ADD",
                    privateReaction(e.messageId(), e.channelId(), e.emoji()).put("user_id", id(e.userId()))
                            .put("burst", false).put("type", 0));
        } else {
            audience.guild(e.guildId(), e.channelId(), null, Intents.GUILD_MESSAGE_REACTIONS, "MESSAGE_REACTION_ADD",
                    reaction(e.messageId(), e.channelId(), e.guildId(), e.emoji()).put("user_id", id(e.userId()))
                            .put("burst", false).put("type", 0).encode());
        }
    }

    @EventHandler
    void on(ReactionRemoved e) {
        if (e.guildId() == null) {
            toRecipients(e.channelId(), Intents.DIRECT_MESSAGE_REACTIONS, "MESSAGE_REACTION_REMOVE",
                    privateReaction(e.messageId(), e.channelId(), e.emoji()).put("user_id", id(e.userId()))
                            .put("burst", false).put("type", 0));
        } else {
            audience.guild(e.guildId(), e.channelId(), null, Intents.GUILD_MESSAGE_REACTIONS, "MESSAGE_REACTION_REMOVE",
                    reaction(e.messageId(), e.channelId(), e.guildId(), e.emoji()).put("user_id", id(e.userId()))
                            .put("burst", false).put("type", 0).encode());
        }
    }

    @EventHandler
    void on(ReactionsCleared e) {
        if (e.guildId() == null) {
            return;
        }
        if (e.emoji() == null) {
            audience.guild(e.guildId(), e.channelId(), null, Intents.GUILD_MESSAGE_REACTIONS,
                    "MESSAGE_REACTION_REMOVE_ALL", new JsonObject().put("message_id", id(e.messageId()))
                            .put("channel_id", id(e.channelId())).put("guild_id", id(e.guildId())).encode());
        } else {
            audience.guild(e.guildId(), e.channelId(), null, Intents.GUILD_MESSAGE_REACTIONS,
                    "MESSAGE_REACTION_REMOVE_EMOJI", reaction(e.messageId(), e.channelId(), e.guildId(), e.emoji()).encode());
        }
    }

    @EventHandler
    void on(PinChanged e) {
        if (e.guildId() == null) {
            toRecipients(e.channelId(), 0, "CHANNEL_PINS_UPDATE", new JsonObject().put("channel_id", id(e.channelId()))
                    .put("last_pin_timestamp", e.pinned() ? e.at().toString() : null));
        } else {
            audience.guild(e.guildId(), e.channelId(), Permission.VIEW_CHANNEL, Intents.GUILDS, "CHANNEL_PINS_UPDATE",
                    new JsonObject().put("guild_id", id(e.guildId())).put("channel_id", id(e.channelId()))
                            .put("last_pin_timestamp", e.pinned() ? e.at().toString() : null).encode());
        }
    }

    /** A DM or group DM: to its recipients' sessions (user-addressed, never a guild audience). */
    private void toRecipients(long channelId, int intent, String type, JsonObject data) {
        audience.users(privateChannels.recipients(channelId), intent, type, data.encode());
    }

    private static JsonObject privateReaction(long messageId, long channelId, String emoji) {
        JsonObject json = reaction(messageId, channelId, 0, emoji);
        json.remove("guild_id");
        return json;
    }

    private static JsonObject reaction(long messageId, long channelId, long guildId, String emoji) {
        int colon = emoji.lastIndexOf(':');
        JsonObject emojiJson = colon > 0
                ? new JsonObject().put("id", emoji.substring(colon + 1)).put("name", emoji.substring(0, colon))
                : new JsonObject().putNull("id").put("name", emoji);
        return new JsonObject().put("message_id", id(messageId)).put("channel_id", id(channelId))
                .put("guild_id", id(guildId)).put("emoji", emojiJson);
    }

    private JsonArray mentions(List<Long> userIds) {
        JsonArray mentions = new JsonArray();
        userIds.forEach(u -> mentions.add(users.user(u)));
        return mentions;
    }

    private static JsonArray ids(List<Long> values) {
        JsonArray array = new JsonArray();
        values.forEach(v -> array.add(id(v)));
        return array;
    }

    private static JsonArray stickerItems(MessagePosted e) {
        JsonArray array = new JsonArray();
        e.stickers().forEach(s -> array.add(s.toJson()));
        return array;
    }

    private static JsonArray attachments(List<Attachment> attachments) {
        JsonArray array = new JsonArray();
        attachments.forEach(a -> array.add(new JsonObject().put("id", id(a.id())).put("filename", a.filename())
                .put("description", a.description()).put("content_type", a.contentType()).put("size", a.size())
                .put("url", a.url()).put("proxy_url", a.url())));
        return array;
    }

    /** Without MESSAGE_CONTENT a bot sees that a message exists, not what it says. */
    private static JsonObject stripped(JsonObject message) {
        JsonObject copy = message.copy().put("content", "").put("embeds", new JsonArray());
        if (copy.containsKey("attachments")) {
            copy.put("attachments", new JsonArray());
        }
        return copy;
    }
}
