package io.parley.invite;

import java.time.Instant;

/** What happened to invites; each names its actor for the audit log. */
public final class InviteEvents {
    private InviteEvents() {
    }

    /** {@code expiresAt} is null for an invite that never expires. */
    public record InviteCreated(String code, long guildId, long channelId, long inviterId, int maxAgeSeconds,
                                int maxUses, boolean temporary, Instant expiresAt, Instant at) {
    }

    public record InviteUsed(String code, long guildId, long userId, int uses, Instant at) {
    }

    public record InviteDeleted(String code, long guildId, long channelId, long actorId, Instant at) {
    }
}
