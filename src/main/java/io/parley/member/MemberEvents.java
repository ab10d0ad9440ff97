package io.parley.member;

import io.parley.guild.Change;

import java.time.Instant;
import java.util.List;

/** What happened to memberships; each names its actor for the audit log. */
public final class MemberEvents {
    private MemberEvents() {
    }

    public record MemberJoined(String memberId, long guildId, long userId, String inviteCode, Instant at) {
    }

    public record MemberUpdated(String memberId, long guildId, long userId, long actorId, String nick,
                                List<Long> roles, Instant communicationDisabledUntil, List<Change> changes,
                                Instant at) {
    }

    /** {@code actorId == userId} when the member left; otherwise a kick. */
    public record MemberRemoved(String memberId, long guildId, long userId, long actorId, Instant at) {
    }

    /** Also ends the membership; {@code deleteMessageSeconds} is the window of messages to delete. */
    public record UserBanned(String memberId, long guildId, long userId, long actorId, String reason,
                             int deleteMessageSeconds, Instant at) {
    }

    public record UserUnbanned(String memberId, long guildId, long userId, long actorId, Instant at) {
    }
}
