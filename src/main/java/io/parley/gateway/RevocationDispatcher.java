package io.parley.gateway;

import io.parley.account.AccountEvents.PasswordChanged;
import io.parley.account.AccountEvents.SessionEnded;
import io.parley.account.AccountEvents.SessionStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * Ends the gateway sessions whose token stopped being valid, on every node (each runs this in
 * its own live processor): a logout ends the sessions identified with that token, a password
 * change every session of the account. They close with 4004 and are forgotten, so they cannot
 * be resumed either.
 */
@ProcessingGroup(GatewayDispatcher.GROUP)
final class RevocationDispatcher {
    private final Sessions sessions;
    private final Gateway gateway;
    /** Users whose PasswordChanged was just seen, with its sequence: its SessionStarted names the one to keep. */
    private final Map<Long, Long> passwordChangedAt = new ConcurrentHashMap<>();

    RevocationDispatcher(Sessions sessions, Gateway gateway) {
        this.sessions = sessions;
        this.gateway = gateway;
    }

    @EventHandler
    void on(SessionEnded e) {
        gateway.revocations().loginEnded(e.sessionId());
        end(e.userId(), accountSession -> accountSession == e.sessionId());
    }

    @EventHandler
    void on(PasswordChanged e, @SequenceNumber long sequence) {
        passwordChangedAt.put(e.userId(), sequence);
    }

    /** The session a password change starts comes right after it, in the same commit; every other one ends. */
    @EventHandler
    void on(SessionStarted e, @SequenceNumber long sequence) {
        Long changed = passwordChangedAt.remove(e.userId());
        if (changed != null && changed == sequence - 1) {
            gateway.revocations().passwordChanged(e.userId(), e.sessionId());
            end(e.userId(), accountSession -> accountSession != e.sessionId());
        }
    }

    private void end(long userId, LongPredicate revoked) {
        List<GatewaySession> ended = sessions.ofUser(userId).stream()
                .filter(session -> revoked.test(session.accountSessionId())).toList();
        for (GatewaySession session : ended) {
            sessions.remove(session);
            ResumeRecords records = gateway.records();
            if (records != null) {
                records.forget(session);
            }
            GatewayConnection connection = session.connection();
            if (connection != null) {
                connection.close(CloseCode.AUTHENTICATION_FAILED, "the session's token was revoked");
            }
        }
    }
}
