package io.parley.invite;

import io.parley.invite.InviteCommands.CreateInvite;
import io.parley.invite.InviteCommands.DeleteInvite;
import io.parley.invite.InviteCommands.UseInvite;
import io.parley.invite.InviteEvents.InviteCreated;
import io.parley.invite.InviteEvents.InviteDeleted;
import io.parley.invite.InviteEvents.InviteUsed;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** One invite: counts its uses and refuses any once it is expired or used up. */
public class InviteAggregate {
    @AggregateIdentifier
    private String code;
    private long guildId;
    private long channelId;
    private int maxUses;
    private int uses;
    private Instant expiresAt;

    protected InviteAggregate() {
    }

    @CommandHandler
    public InviteAggregate(CreateInvite command) {
        Instant expiresAt = command.maxAgeSeconds() == 0 ? null : command.at().plusSeconds(command.maxAgeSeconds());
        apply(new InviteCreated(command.code(), command.guildId(), command.channelId(), command.inviterId(),
                command.maxAgeSeconds(), command.maxUses(), command.temporary(), expiresAt, command.at()));
    }

    @CommandHandler
    public long handle(UseInvite command) {
        if (expiresAt != null && !command.at().isBefore(expiresAt) || maxUses > 0 && uses >= maxUses) {
            throw new ApiException(ErrorCode.INVITE_EXPIRED);
        }
        apply(new InviteUsed(code, guildId, command.userId(), uses + 1, command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteInvite command) {
        apply(new InviteDeleted(code, guildId, channelId, command.actorId(), command.at()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(InviteCreated event) {
        code = event.code();
        guildId = event.guildId();
        channelId = event.channelId();
        maxUses = event.maxUses();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(InviteUsed event) {
        uses = event.uses();
    }

    @EventSourcingHandler
    void on(InviteDeleted event) {
        markDeleted();
    }
}
