package io.parley.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** What can be asked of one user's membership in one guild. {@code memberId} is {@link MemberIds#of}. */
public final class MemberCommands {
    private MemberCommands() {
    }

    /** Joining again while a member changes nothing; a banned user is refused. */
    public record JoinGuild(@TargetAggregateIdentifier String memberId, long guildId, long userId, String inviteCode,
                            Instant at) {
    }

    /** The complete member state wanted after the change. */
    public record UpdateMember(@TargetAggregateIdentifier String memberId, long actorId, String nick, List<Long> roles,
                               Instant communicationDisabledUntil, Instant at) {
    }

    /** Leaving (actor = the member) or a kick (actor = a moderator). */
    public record RemoveMember(@TargetAggregateIdentifier String memberId, long actorId, Instant at) {
    }

    public record BanUser(@TargetAggregateIdentifier String memberId, long guildId, long userId, long actorId,
                          String reason, int deleteMessageSeconds, Instant at) {
    }

    public record UnbanUser(@TargetAggregateIdentifier String memberId, long actorId, Instant at) {
    }
}
