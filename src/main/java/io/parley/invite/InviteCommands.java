package io.parley.invite;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of an invite; the code is its identity. */
public final class InviteCommands {
    private InviteCommands() {
    }

    /** {@code maxAgeSeconds} 0 never expires; {@code maxUses} 0 is unlimited. */
    public record CreateInvite(@TargetAggregateIdentifier String code, long guildId, long channelId, long inviterId,
                               int maxAgeSeconds, int maxUses, boolean temporary, Instant at) {
    }

    /** Refused once the invite is deleted, expired or used up. */
    public record UseInvite(@TargetAggregateIdentifier String code, long userId, Instant at) {
    }

    public record DeleteInvite(@TargetAggregateIdentifier String code, long actorId, Instant at) {
    }
}
