package io.parley.social;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** What users ask of a DM or group DM. */
public final class PrivateChannelCommands {
    private PrivateChannelCommands() {
    }

    /** recipients include the creator; ownerId is null for a 1:1 DM. */
    public record OpenPrivateChannel(@TargetAggregateIdentifier long channelId, int type, Long ownerId,
                                     List<Long> recipients, String name, int maxRecipients, Instant at) {
    }

    public record AddRecipient(@TargetAggregateIdentifier long channelId, long actorId, long userId,
                               int maxRecipients, Instant at) {
    }

    /** The owner removing someone, or anyone leaving (actorId == userId). */
    public record RemoveRecipient(@TargetAggregateIdentifier long channelId, long actorId, long userId, Instant at) {
    }

    public record RenameGroupDm(@TargetAggregateIdentifier long channelId, long actorId, String name, Instant at) {
    }
}
