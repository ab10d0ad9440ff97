package io.parley.account;

import java.time.Instant;

/**
 * What happened to accounts. Events carry password hashes and token hashes at most, never a
 * password or a raw token.
 */
public final class AccountEvents {
    private AccountEvents() {
    }

    /** {@code email} and {@code passwordHash} are null for bots; {@code ownerId} is 0 for people. */
    public record AccountRegistered(long userId, String username, String email, String passwordHash,
                                    String globalName, boolean bot, long ownerId, Instant at) {
    }

    public record ProfileChanged(long userId, String username, String globalName, String avatar, String bio,
                                 Instant at) {
    }

    /** Every session of the account ends with this event. */
    public record PasswordChanged(long userId, String passwordHash, Instant at) {
    }

    public record SessionStarted(long userId, long sessionId, String tokenHash, Instant at) {
    }

    public record SessionEnded(long userId, long sessionId, Instant at) {
    }

    /** The account may use the operator endpoints ({@code /_admin}); shown as the STAFF user flag. */
    public record StaffGranted(long userId, Instant at) {
    }
}
