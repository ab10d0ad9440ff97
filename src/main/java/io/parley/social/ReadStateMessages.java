package io.parley.social;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Acknowledging messages: the command and its event. */
public final class ReadStateMessages {
    private ReadStateMessages() {
    }

    /** One aggregate per user; the prefix keeps it apart from the account aggregate of the same id. */
    public static String readStateId(long userId) {
        return "read-state:" + userId;
    }

    public record AckMessage(@TargetAggregateIdentifier String readStateId, long userId, long channelId,
                             long messageId, Instant at) {
    }

    public record MessageAcked(String readStateId, long userId, long channelId, long messageId, Instant at) {
    }
}
