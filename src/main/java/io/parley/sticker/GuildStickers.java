package io.parley.sticker;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.sticker.StickerCommands.CreateSticker;
import io.parley.sticker.StickerCommands.DeleteSticker;
import io.parley.sticker.StickerCommands.UpdateSticker;
import io.parley.sticker.StickerEvents.Sticker;
import io.parley.sticker.StickerEvents.StickerCreated;
import io.parley.sticker.StickerEvents.StickerDeleted;
import io.parley.sticker.StickerEvents.StickerUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** One guild's stickers, an aggregate of its own (like {@code GuildEmojis}) so the limit is checked on one list. */
public class GuildStickers {
    private static final String PREFIX = "stickers-";

    @AggregateIdentifier
    private String stickerSetId;
    private final List<Sticker> stickers = new ArrayList<>();

    protected GuildStickers() {
    }

    public static String aggregateId(long guildId) {
        return PREFIX + guildId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreateSticker command) {
        if (stickers.size() >= command.maxStickers()) {
            throw new ApiException(ErrorCode.MAX_STICKERS,
                    ErrorCode.MAX_STICKERS.message() + " (" + command.maxStickers() + ")");
        }
        Sticker sticker = new Sticker(command.stickerId(), command.name(), command.description(), command.tags(),
                command.formatType(), command.userId());
        List<Sticker> after = new ArrayList<>(stickers);
        after.add(sticker);
        apply(new StickerCreated(command.guildId(), sticker, command.contentType(), command.at(), List.copyOf(after)));
        return getVersion();
    }

    @CommandHandler
    public long handle(UpdateSticker command) {
        Sticker before = find(command.stickerId());
        String description = command.description() == null ? before.description()
                : command.description().isEmpty() ? null : command.description();
        Sticker updated = new Sticker(before.id(), command.name() == null ? before.name() : command.name(),
                description, command.tags() == null ? before.tags() : command.tags(), before.formatType(),
                before.userId());
        if (!updated.equals(before)) {
            List<Sticker> after = new ArrayList<>(stickers);
            after.replaceAll(s -> s.id() == before.id() ? updated : s);
            apply(new StickerUpdated(guildId(), before, updated, command.actorId(), command.at(), List.copyOf(after)));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteSticker command) {
        Sticker old = find(command.stickerId());
        List<Sticker> after = new ArrayList<>(stickers);
        after.removeIf(s -> s.id() == old.id());
        apply(new StickerDeleted(guildId(), old, command.actorId(), command.at(), List.copyOf(after)));
        return getVersion();
    }

    private Sticker find(long stickerId) {
        return stickers.stream().filter(s -> s.id() == stickerId).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_STICKER));
    }

    private long guildId() {
        return Long.parseLong(stickerSetId.substring(PREFIX.length()));
    }

    @EventSourcingHandler
    void on(StickerCreated event) {
        stickerSetId = aggregateId(event.guildId());
        replace(event.stickers());
    }

    @EventSourcingHandler
    void on(StickerUpdated event) {
        replace(event.stickers());
    }

    @EventSourcingHandler
    void on(StickerDeleted event) {
        replace(event.stickers());
    }

    private void replace(List<Sticker> after) {
        stickers.clear();
        stickers.addAll(after);
    }
}
