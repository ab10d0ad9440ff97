package io.parley.social;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What one user asks about their relationship with another. */
public final class RelationshipCommands {
    private RelationshipCommands() {
    }

    /** Sends a friend request, or accepts the other's pending one. */
    public record RequestFriendship(@TargetAggregateIdentifier String pairId, long userId, long otherId, Instant at) {
    }

    /** Unfriends, declines, cancels a request, or unblocks. */
    public record RemoveRelationship(@TargetAggregateIdentifier String pairId, long userId, long otherId, Instant at) {
    }

    public record BlockUser(@TargetAggregateIdentifier String pairId, long userId, long otherId, Instant at) {
    }
}
