package io.parley.emoji;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of a guild's emoji set; its identity is {@link GuildEmojis#aggregateId(long)}. */
public final class EmojiCommands {
    private EmojiCommands() {
    }

    /** The image is already stored; refused when the guild has no room left for its kind (static or animated). */
    public record CreateEmoji(@TargetAggregateIdentifier String emojiSetId, long guildId, long emojiId, String name,
                              boolean animated, String contentType, long userId, int maxPerKind, Instant at) {
    }

    public record RenameEmoji(@TargetAggregateIdentifier String emojiSetId, long emojiId, String name, long actorId,
                              Instant at) {
    }

    public record DeleteEmoji(@TargetAggregateIdentifier String emojiSetId, long emojiId, long actorId, Instant at) {
    }
}
