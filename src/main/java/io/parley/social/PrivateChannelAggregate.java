package io.parley.social;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.social.PrivateChannelCommands.AddRecipient;
import io.parley.social.PrivateChannelCommands.OpenPrivateChannel;
import io.parley.social.PrivateChannelCommands.RemoveRecipient;
import io.parley.social.PrivateChannelCommands.RenameGroupDm;
import io.parley.social.PrivateChannelEvents.GroupDmRenamed;
import io.parley.social.PrivateChannelEvents.PrivateChannelOpened;
import io.parley.social.PrivateChannelEvents.RecipientAdded;
import io.parley.social.PrivateChannelEvents.RecipientRemoved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** One DM or group DM: who is in it and who owns it. Blocks are checked by the caller, which reads them. */
public class PrivateChannelAggregate {
    @AggregateIdentifier
    private Long channelId;
    private int type;
    private Long ownerId;
    private final Set<Long> recipients = new LinkedHashSet<>();

    protected PrivateChannelAggregate() {
    }

    @CommandHandler
    public PrivateChannelAggregate(OpenPrivateChannel c) {
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(c.recipients()));
        if (c.type() == PrivateChannelJson.GROUP_DM && distinct.size() > c.maxRecipients()) {
            throw new ApiException(ErrorCode.MAX_GROUP_DM_RECIPIENTS,
                    ErrorCode.MAX_GROUP_DM_RECIPIENTS.message() + " (" + c.maxRecipients() + ")");
        }
        apply(new PrivateChannelOpened(c.channelId(), c.type(), c.ownerId(), distinct, c.name(), c.at()));
    }

    @CommandHandler
    public long handle(AddRecipient c) {
        requireGroupMember(c.actorId());
        if (!recipients.contains(c.userId())) {
            if (recipients.size() >= c.maxRecipients()) {
                throw new ApiException(ErrorCode.MAX_GROUP_DM_RECIPIENTS,
                        ErrorCode.MAX_GROUP_DM_RECIPIENTS.message() + " (" + c.maxRecipients() + ")");
            }
            apply(new RecipientAdded(channelId, c.userId(), c.actorId(), c.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(RemoveRecipient c) {
        requireGroupMember(c.actorId());
        if (c.actorId() != c.userId() && !ownerId.equals(c.actorId())) {
            throw new ApiException(ErrorCode.MISSING_PERMISSIONS, "Only the owner can remove others");
        }
        if (!recipients.contains(c.userId())) {
            throw new ApiException(ErrorCode.UNKNOWN_USER);
        }
        Long newOwner = null;
        if (ownerId.equals(c.userId())) {
            newOwner = recipients.stream().filter(id -> id != c.userId()).findFirst().orElse(null);
        }
        apply(new RecipientRemoved(channelId, c.userId(), c.actorId(), newOwner, c.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(RenameGroupDm c) {
        requireGroupMember(c.actorId());
        apply(new GroupDmRenamed(channelId, c.name(), c.actorId(), c.at()));
        return getVersion();
    }

    private void requireGroupMember(long actorId) {
        if (!recipients.contains(actorId)) {
            throw new ApiException(ErrorCode.UNKNOWN_CHANNEL);
        }
        if (type != PrivateChannelJson.GROUP_DM) {
            throw new ApiException(ErrorCode.CANNOT_EXECUTE, "Only group DMs have recipients to change");
        }
    }

    @EventSourcingHandler
    void on(PrivateChannelOpened e) {
        channelId = e.channelId();
        type = e.type();
        ownerId = e.ownerId();
        recipients.addAll(e.recipients());
    }

    @EventSourcingHandler
    void on(RecipientAdded e) {
        recipients.add(e.userId());
    }

    @EventSourcingHandler
    void on(RecipientRemoved e) {
        recipients.remove(e.userId());
        if (e.newOwnerId() != null) {
            ownerId = e.newOwnerId();
        }
    }
}
