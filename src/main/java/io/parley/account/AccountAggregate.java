package io.parley.account;

import io.parley.account.AccountCommands.ChangePassword;
import io.parley.account.AccountCommands.ChangeProfile;
import io.parley.account.AccountCommands.EndSession;
import io.parley.account.AccountCommands.GrantStaff;
import io.parley.account.AccountCommands.RegisterAccount;
import io.parley.account.AccountCommands.RegisterBot;
import io.parley.account.AccountCommands.StartSession;
import io.parley.account.AccountEvents.AccountRegistered;
import io.parley.account.AccountEvents.PasswordChanged;
import io.parley.account.AccountEvents.ProfileChanged;
import io.parley.account.AccountEvents.SessionEnded;
import io.parley.account.AccountEvents.SessionStarted;
import io.parley.account.AccountEvents.StaffGranted;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.FieldError;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One user account (person or bot): its identity, profile, password and login sessions.
 * Command handlers return the aggregate version they reached so callers can wait for the
 * read tables to catch up with their own write.
 */
public class AccountAggregate {
    @AggregateIdentifier
    private Long userId;
    private String username;
    private String globalName;
    private String avatar;
    private String bio;
    private boolean bot;
    private boolean staff;

    protected AccountAggregate() {
    }

    @CommandHandler
    public AccountAggregate(RegisterAccount command, AccountClaims claims) {
        rejectIfTaken(claims.claim(command.userId(), command.username(), command.email()));
        apply(new AccountRegistered(command.userId(), command.username(), command.email(), command.passwordHash(),
                command.globalName(), false, 0, command.at()));
        apply(new SessionStarted(command.userId(), command.sessionId(), command.tokenHash(), command.at()));
    }

    @CommandHandler
    public AccountAggregate(RegisterBot command, AccountClaims claims) {
        rejectIfTaken(claims.claim(command.userId(), command.username(), null));
        apply(new AccountRegistered(command.userId(), command.username(), null, null, null, true,
                command.ownerId(), command.at()));
        apply(new SessionStarted(command.userId(), command.sessionId(), command.tokenHash(), command.at()));
    }

    @CommandHandler
    public long handle(ChangeProfile command, AccountClaims claims) {
        boolean renamed = !username.equalsIgnoreCase(command.username());
        if (renamed) {
            rejectIfTaken(claims.claim(userId, command.username(), null));
            claims.releaseUsername(userId, username);
        }
        if (renamed || !username.equals(command.username())
                || !Objects.equals(globalName, command.globalName())
                || !Objects.equals(avatar, command.avatar())
                || !Objects.equals(bio, command.bio())) {
            apply(new ProfileChanged(userId, command.username(), command.globalName(), command.avatar(),
                    command.bio(), command.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ChangePassword command) {
        if (bot) {
            throw ApiException.invalid("password", "Bot accounts have no password");
        }
        apply(new PasswordChanged(userId, command.passwordHash(), command.at()));
        apply(new SessionStarted(userId, command.sessionId(), command.tokenHash(), command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(StartSession command) {
        apply(new SessionStarted(userId, command.sessionId(), command.tokenHash(), command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(EndSession command) {
        apply(new SessionEnded(userId, command.sessionId(), command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(GrantStaff command) {
        if (!staff) {
            apply(new StaffGranted(userId, command.at()));
        }
        return getVersion();
    }

    private static void rejectIfTaken(List<FieldError> taken) {
        if (!taken.isEmpty()) {
            throw ApiException.invalid(taken);
        }
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        userId = event.userId();
        username = event.username();
        globalName = event.globalName();
        bot = event.bot();
    }

    @EventSourcingHandler
    void on(ProfileChanged event) {
        username = event.username();
        globalName = event.globalName();
        avatar = event.avatar();
        bio = event.bio();
    }

    @EventSourcingHandler
    void on(StaffGranted event) {
        staff = true;
    }
}
