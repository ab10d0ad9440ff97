package io.parley.emoji;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a guild's custom emojis. Each event carries the whole set after the change
 * because GUILD_EMOJIS_UPDATE sends the whole set, and the dispatcher must not depend on a
 * projection having caught up.
 */
public final class EmojiEvents {
    private EmojiEvents() {
    }

    public record Emoji(long id, String name, boolean animated, long userId) {
    }

    public record EmojiCreated(long guildId, Emoji emoji, String contentType, Instant at, List<Emoji> emojis) {
    }

    public record EmojiRenamed(long guildId, long emojiId, String oldName, String name, long actorId, Instant at,
                               List<Emoji> emojis) {
    }

    public record EmojiDeleted(long guildId, long emojiId, String name, long actorId, Instant at, List<Emoji> emojis) {
    }
}
