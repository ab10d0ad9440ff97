package io.parley.message;

import io.parley.message.MessageCommands.AddReaction;
import io.parley.message.MessageCommands.ClearReactions;
import io.parley.message.MessageCommands.DeleteMessage;
import io.parley.message.MessageCommands.EditMessage;
import io.parley.message.MessageCommands.PostMessage;
import io.parley.message.MessageCommands.RemoveReaction;
import io.parley.message.MessageCommands.SetPinned;
import io.parley.message.MessageEvents.MessageDeleted;
import io.parley.message.MessageEvents.MessageEdited;
import io.parley.message.MessageEvents.MessagePosted;
import io.parley.message.MessageEvents.PinChanged;
import io.parley.message.MessageEvents.ReactionAdded;
import io.parley.message.MessageEvents.ReactionRemoved;
import io.parley.message.MessageEvents.ReactionsCleared;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * One message: its content, reactions and pin. One aggregate per message keeps every command
 * cheap however busy the channel. Permission checks that need the channel happen before the
 * command; this decides what only the message knows (its author, its reactions).
 */
public class MessageAggregate {
    @AggregateIdentifier
    private Long messageId;
    private long channelId;
    private Long guildId;
    private long authorId;
    private String content;
    private String embedsJson;
    private int flags;
    private boolean pinned;
    private Map<String, Set<Long>> reactions = new LinkedHashMap<>();

    protected MessageAggregate() {
    }

    @CommandHandler
    public MessageAggregate(PostMessage c, MessageNonces nonces) {
        if (c.nonce() != null) {
            nonces.claim(c.authorId(), c.nonce(), c.messageId()).ifPresent(original -> {
                throw new DuplicateNonce(original);
            });
        }
        apply(new MessagePosted(c.messageId(), c.channelId(), c.guildId(), c.authorId(), c.type(), c.content(),
                c.nonce(), c.tts(), c.embedsJson(), c.attachments(), c.referencedMessageId(), c.mentions(), c.flags(),
                c.at(), c.stickers(), c.webhook()));
    }

    @CommandHandler
    public long handle(EditMessage c) {
        if (c.actorId() != authorId) {
            throw new ApiException(ErrorCode.CANNOT_EDIT_OTHERS_MESSAGE);
        }
        apply(new MessageEdited(messageId, channelId, guildId, c.actorId(),
                c.content() != null ? c.content() : content,
                c.embedsJson() != null ? c.embedsJson() : embedsJson,
                c.flags() != null ? c.flags() : flags, c.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteMessage c) {
        apply(new MessageDeleted(messageId, channelId, guildId, authorId, c.actorId(), c.at(),
                c.bulk() == null ? null : List.copyOf(c.bulk())));
        return getVersion();
    }

    @CommandHandler
    public long handle(AddReaction c) {
        Set<Long> users = reactions.get(c.emoji());
        if (users == null && reactions.size() >= c.maxDistinct()) {
            throw new ApiException(ErrorCode.MAX_REACTIONS,
                    ErrorCode.MAX_REACTIONS.message() + " (" + c.maxDistinct() + ")");
        }
        if (users == null || !users.contains(c.userId())) {
            apply(new ReactionAdded(messageId, channelId, guildId, c.userId(), c.emoji(), c.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(RemoveReaction c) {
        Set<Long> users = reactions.get(c.emoji());
        if (users != null && users.contains(c.userId())) {
            apply(new ReactionRemoved(messageId, channelId, guildId, c.userId(), c.emoji(), c.actorId(), c.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ClearReactions c) {
        if (c.emoji() == null ? !reactions.isEmpty() : reactions.containsKey(c.emoji())) {
            apply(new ReactionsCleared(messageId, channelId, guildId, c.emoji(), c.actorId(), c.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(SetPinned c) {
        if (pinned != c.pinned()) {
            apply(new PinChanged(messageId, channelId, guildId, c.pinned(), c.actorId(), c.at()));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(MessagePosted e) {
        messageId = e.messageId();
        channelId = e.channelId();
        guildId = e.guildId();
        authorId = e.authorId();
        content = e.content();
        embedsJson = e.embedsJson();
        flags = e.flags();
    }

    @EventSourcingHandler
    void on(MessageEdited e) {
        content = e.content();
        embedsJson = e.embedsJson();
        flags = e.flags();
    }

    @EventSourcingHandler
    void on(MessageDeleted e) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(ReactionAdded e) {
        reactions.computeIfAbsent(e.emoji(), k -> new LinkedHashSet<>()).add(e.userId());
    }

    @EventSourcingHandler
    void on(ReactionRemoved e) {
        Set<Long> users = reactions.get(e.emoji());
        users.remove(e.userId());
        if (users.isEmpty()) {
            reactions.remove(e.emoji());
        }
    }

    @EventSourcingHandler
    void on(ReactionsCleared e) {
        if (e.emoji() == null) {
            reactions.clear();
        } else {
            reactions.remove(e.emoji());
        }
    }

    @EventSourcingHandler
    void on(PinChanged e) {
        pinned = e.pinned();
    }
}
