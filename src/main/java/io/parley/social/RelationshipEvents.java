package io.parley.social;

import java.time.Instant;

/** What happened between two users. */
public final class RelationshipEvents {
    private RelationshipEvents() {
    }

    public record FriendRequestSent(String pairId, long fromId, long toId, Instant at) {
    }

    public record FriendRequestAccepted(String pairId, long accepterId, long requesterId, Instant at) {
    }

    /** A friendship or pending request is gone on both sides. */
    public record FriendshipRemoved(String pairId, long actorId, long otherId, Instant at) {
    }

    /** The blocker now blocks; whatever friendship or request there was is gone on both sides. */
    public record UserBlocked(String pairId, long blockerId, long blockedId, Instant at) {
    }

    public record UserUnblocked(String pairId, long blockerId, long blockedId, Instant at) {
    }
}
