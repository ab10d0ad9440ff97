package io.parley.sticker;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a guild's stickers. Like the emoji events, each carries the whole set after
 * the change: GUILD_STICKERS_UPDATE sends the whole set and must not wait for a projection.
 */
public final class StickerEvents {
    private StickerEvents() {
    }

    /** {@code description} is null when there is none. */
    public record Sticker(long id, String name, String description, String tags, int formatType, long userId) {
    }

    public record StickerCreated(long guildId, Sticker sticker, String contentType, Instant at, List<Sticker> stickers) {
    }

    public record StickerUpdated(long guildId, Sticker before, Sticker after, long actorId, Instant at,
                                 List<Sticker> stickers) {
    }

    public record StickerDeleted(long guildId, Sticker sticker, long actorId, Instant at, List<Sticker> stickers) {
    }
}
