package io.parley.emoji;

import io.parley.emoji.EmojiCommands.CreateEmoji;
import io.parley.emoji.EmojiCommands.DeleteEmoji;
import io.parley.emoji.EmojiCommands.RenameEmoji;
import io.parley.emoji.EmojiEvents.Emoji;
import io.parley.emoji.EmojiEvents.EmojiCreated;
import io.parley.emoji.EmojiEvents.EmojiDeleted;
import io.parley.emoji.EmojiEvents.EmojiRenamed;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One guild's custom emojis: a small aggregate of its own (not part of the guild's settings) so
 * the per-kind limit is enforced on one consistent list.
 */
public class GuildEmojis {
    @AggregateIdentifier
    private String emojiSetId;
    private final List<Emoji> emojis = new ArrayList<>();

    protected GuildEmojis() {
    }

    public static String aggregateId(long guildId) {
        return "emojis-" + guildId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreateEmoji command) {
        long sameKind = emojis.stream().filter(e -> e.animated() == command.animated()).count();
        if (sameKind >= command.maxPerKind()) {
            throw new ApiException(ErrorCode.MAX_EMOJIS,
                    ErrorCode.MAX_EMOJIS.message() + " (" + command.maxPerKind() + ")");
        }
        Emoji emoji = new Emoji(command.emojiId(), command.name(), command.animated(), command.userId());
        List<Emoji> after = new ArrayList<>(emojis);
        after.add(emoji);
        apply(new EmojiCreated(command.guildId(), emoji, command.contentType(), command.at(), List.copyOf(after)));
        return getVersion();
    }

    @CommandHandler
    public long handle(RenameEmoji command) {
        Emoji old = find(command.emojiId());
        List<Emoji> after = new ArrayList<>(emojis);
        after.replaceAll(e -> e.id() == old.id() ? new Emoji(e.id(), command.name(), e.animated(), e.userId()) : e);
        apply(new EmojiRenamed(guildId(), old.id(), old.name(), command.name(), command.actorId(), command.at(),
                List.copyOf(after)));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteEmoji command) {
        Emoji old = find(command.emojiId());
        List<Emoji> after = new ArrayList<>(emojis);
        after.removeIf(e -> e.id() == old.id());
        apply(new EmojiDeleted(guildId(), old.id(), old.name(), command.actorId(), command.at(), List.copyOf(after)));
        return getVersion();
    }

    private Emoji find(long emojiId) {
        return emojis.stream().filter(e -> e.id() == emojiId).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_EMOJI));
    }

    private long guildId() {
        return Long.parseLong(emojiSetId.substring("emojis-".length()));
    }

    @EventSourcingHandler
    void on(EmojiCreated event) {
        emojiSetId = aggregateId(event.guildId());
        emojis.clear();
        emojis.addAll(event.emojis());
    }

    @EventSourcingHandler
    void on(EmojiRenamed event) {
        emojis.clear();
        emojis.addAll(event.emojis());
    }

    @EventSourcingHandler
    void on(EmojiDeleted event) {
        emojis.clear();
        emojis.addAll(event.emojis());
    }
}
