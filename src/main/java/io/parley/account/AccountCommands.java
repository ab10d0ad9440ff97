package io.parley.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of an account. IDs and times are chosen by the caller, never the aggregate. */
public final class AccountCommands {
    private AccountCommands() {
    }

    /** Registration also starts the account's first login session. */
    public record RegisterAccount(@TargetAggregateIdentifier long userId, String username, String email,
                                  String passwordHash, String globalName, long sessionId, String tokenHash,
                                  Instant at) {
    }

    /** A bot has no password; its one session's token is what its library logs in with. */
    public record RegisterBot(@TargetAggregateIdentifier long userId, String username, long ownerId,
                              long sessionId, String tokenHash, Instant at) {
    }

    /** The complete profile wanted after the change; unchanged fields repeat their current value. */
    public record ChangeProfile(@TargetAggregateIdentifier long userId, String username, String globalName,
                                String avatar, String bio, Instant at) {
    }

    /** Changing a password revokes every session and starts the one described here. */
    public record ChangePassword(@TargetAggregateIdentifier long userId, String passwordHash,
                                 long sessionId, String tokenHash, Instant at) {
    }

    public record StartSession(@TargetAggregateIdentifier long userId, long sessionId, String tokenHash, Instant at) {
    }

    public record EndSession(@TargetAggregateIdentifier long userId, long sessionId, Instant at) {
    }

    /** Operator rights (Discord's STAFF user flag): granted from the command line, never over the API. */
    public record GrantStaff(@TargetAggregateIdentifier long userId, Instant at) {
    }
}
