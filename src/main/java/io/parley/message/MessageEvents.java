package io.parley.message;

import java.time.Instant;
import java.util.List;

/** What happened to messages: the gateway's MESSAGE_* and CHANNEL_PINS_UPDATE dispatches come from these. */
public final class MessageEvents {
    private MessageEvents() {
    }

    public record MessagePosted(long messageId, long channelId, Long guildId, long authorId, int type, String content,
                                String nonce, boolean tts, String embedsJson, List<Attachment> attachments,
                                Long referencedMessageId, Mentions mentions, int flags, Instant at,
                                List<StickerItem> stickers, WebhookAuthor webhook) {
        /** Events written before stickers existed have none. */
        public MessagePosted {
            stickers = stickers == null ? List.of() : stickers;
        }
    }

    /** The complete editable state after the edit. */
    public record MessageEdited(long messageId, long channelId, Long guildId, long actorId, String content,
                                String embedsJson, int flags, Instant at) {
    }

    /** {@code bulk}: the ids of the bulk delete it was part of, in order (null, also in older events, for a single delete). */
    public record MessageDeleted(long messageId, long channelId, Long guildId, long authorId, long actorId, Instant at,
                                 List<Long> bulk) {
        public MessageDeleted(long messageId, long channelId, Long guildId, long authorId, long actorId, Instant at) {
            this(messageId, channelId, guildId, authorId, actorId, at, null);
        }
    }

    public record ReactionAdded(long messageId, long channelId, Long guildId, long userId, String emoji, Instant at) {
    }

    public record ReactionRemoved(long messageId, long channelId, Long guildId, long userId, String emoji,
                                  long actorId, Instant at) {
    }

    /** {@code emoji} null: every reaction was removed. */
    public record ReactionsCleared(long messageId, long channelId, Long guildId, String emoji, long actorId,
                                   Instant at) {
    }

    public record PinChanged(long messageId, long channelId, Long guildId, boolean pinned, long actorId, Instant at) {
    }
}
