package io.parley.member;

import io.parley.guild.Change;
import io.parley.member.MemberCommands.BanUser;
import io.parley.member.MemberCommands.JoinGuild;
import io.parley.member.MemberCommands.RemoveMember;
import io.parley.member.MemberCommands.UnbanUser;
import io.parley.member.MemberCommands.UpdateMember;
import io.parley.member.MemberEvents.MemberJoined;
import io.parley.member.MemberEvents.MemberRemoved;
import io.parley.member.MemberEvents.MemberUpdated;
import io.parley.member.MemberEvents.UserBanned;
import io.parley.member.MemberEvents.UserUnbanned;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One user's relation to one guild: member or not, nickname, roles, timeout, banned or not.
 * It outlives the membership so a ban holds for a user who has left.
 */
public class MemberAggregate {
    @AggregateIdentifier
    private String memberId;
    private long guildId;
    private long userId;
    private boolean member;
    private boolean banned;
    private String nick;
    private List<Long> roles = new ArrayList<>();
    private Instant timeoutUntil;

    public MemberAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(JoinGuild command) {
        if (banned) {
            throw new ApiException(ErrorCode.USER_BANNED);
        }
        if (!member) {
            apply(new MemberJoined(command.memberId(), command.guildId(), command.userId(), command.inviteCode(),
                    command.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(UpdateMember command) {
        requireMember();
        List<Change> changes = new ArrayList<>();
        diff(changes, "nick", nick, command.nick());
        diff(changes, "roles", roles, command.roles());
        diff(changes, "communication_disabled_until", timeoutUntil, command.communicationDisabledUntil());
        if (!changes.isEmpty()) {
            apply(new MemberUpdated(memberId, guildId, userId, command.actorId(), command.nick(),
                    List.copyOf(command.roles()), command.communicationDisabledUntil(), changes, command.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(RemoveMember command) {
        requireMember();
        apply(new MemberRemoved(memberId, guildId, userId, command.actorId(), command.at()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(BanUser command) {
        if (!banned) {
            apply(new UserBanned(command.memberId(), command.guildId(), command.userId(), command.actorId(),
                    command.reason(), command.deleteMessageSeconds(), command.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(UnbanUser command) {
        if (!banned) {
            throw new ApiException(ErrorCode.UNKNOWN_BAN);
        }
        apply(new UserUnbanned(memberId, guildId, userId, command.actorId(), command.at()));
        return getVersion();
    }

    private void requireMember() {
        if (!member) {
            throw new ApiException(ErrorCode.UNKNOWN_MEMBER);
        }
    }

    private static void diff(List<Change> changes, String key, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(key, wire(before), wire(after)));
        }
    }

    /** Audit values as the wire shows them: instants as ISO strings, snowflakes as strings. */
    private static Object wire(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value;
    }

    @EventSourcingHandler
    void on(MemberJoined event) {
        memberId = event.memberId();
        guildId = event.guildId();
        userId = event.userId();
        member = true;
        nick = null;
        roles = new ArrayList<>();
        timeoutUntil = null;
    }

    @EventSourcingHandler
    void on(MemberUpdated event) {
        nick = event.nick();
        roles = new ArrayList<>(event.roles());
        timeoutUntil = event.communicationDisabledUntil();
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        member = false;
    }

    @EventSourcingHandler
    void on(UserBanned event) {
        memberId = event.memberId();
        guildId = event.guildId();
        userId = event.userId();
        banned = true;
        member = false;
    }

    @EventSourcingHandler
    void on(UserUnbanned event) {
        banned = false;
    }
}
