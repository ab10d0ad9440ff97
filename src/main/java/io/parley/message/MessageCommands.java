package io.parley.message;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** What can be asked of a message. The message id is minted by the caller before the command. */
public final class MessageCommands {
    private MessageCommands() {
    }

    /**
     * {@code nonce} is non-null only when the sender asked for de-duplication ({@code enforce_nonce});
     * {@code webhook} only for a webhook's message, whose {@code authorId} is then the webhook's id.
     */
    public record PostMessage(@TargetAggregateIdentifier long messageId, long channelId, Long guildId, long authorId,
                              int type, String content, String nonce, boolean tts, String embedsJson,
                              List<Attachment> attachments, Long referencedMessageId, Mentions mentions, int flags,
                              Instant at, List<StickerItem> stickers, WebhookAuthor webhook) {
        public PostMessage {
            stickers = stickers == null ? List.of() : List.copyOf(stickers);
        }
    }

    /** Null fields stay as they are. */
    public record EditMessage(@TargetAggregateIdentifier long messageId, long actorId, String content,
                              String embedsJson, Integer flags, Instant at) {
    }

    /** {@code bulk}: every id of the bulk delete this one belongs to (null for a single delete). */
    public record DeleteMessage(@TargetAggregateIdentifier long messageId, long actorId, Instant at, List<Long> bulk) {
        public DeleteMessage(long messageId, long actorId, Instant at) {
            this(messageId, actorId, at, null);
        }
    }

    public record AddReaction(@TargetAggregateIdentifier long messageId, long userId, String emoji, int maxDistinct,
                              Instant at) {
    }

    public record RemoveReaction(@TargetAggregateIdentifier long messageId, long userId, String emoji, long actorId,
                                 Instant at) {
    }

    /** {@code emoji} null removes every reaction; otherwise every reaction with that emoji. */
    public record ClearReactions(@TargetAggregateIdentifier long messageId, String emoji, long actorId, Instant at) {
    }

    public record SetPinned(@TargetAggregateIdentifier long messageId, boolean pinned, long actorId, Instant at) {
    }
}
