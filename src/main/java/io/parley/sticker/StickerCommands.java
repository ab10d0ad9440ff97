package io.parley.sticker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of a guild's sticker set; its identity is {@link GuildStickers#aggregateId(long)}. */
public final class StickerCommands {
    private StickerCommands() {
    }

    /** The image is already stored; refused when the guild holds {@code maxStickers} already. */
    public record CreateSticker(@TargetAggregateIdentifier String stickerSetId, long guildId, long stickerId,
                                String name, String description, String tags, int formatType, String contentType,
                                long userId, int maxStickers, Instant at) {
    }

    /** Null fields stay as they are; {@code description} "" clears it. */
    public record UpdateSticker(@TargetAggregateIdentifier String stickerSetId, long stickerId, String name,
                                String description, String tags, long actorId, Instant at) {
    }

    public record DeleteSticker(@TargetAggregateIdentifier String stickerSetId, long stickerId, long actorId,
                                Instant at) {
    }
}
