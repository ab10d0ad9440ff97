package io.parley.account;

import io.parley.account.AccountEvents.AccountRegistered;
import io.parley.account.AccountEvents.PasswordChanged;
import io.parley.account.AccountEvents.ProfileChanged;
import io.parley.account.AccountEvents.SessionEnded;
import io.parley.account.AccountEvents.SessionStarted;
import io.parley.account.AccountEvents.StaffGranted;
import io.parley.platform.storage.Jdbc;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.HexFormat;

/** Keeps the users and auth_sessions tables. Idempotent per event, so a replay converges. */
@ProcessingGroup(AccountProjection.GROUP)
public final class AccountProjection {
    public static final String GROUP = "accounts";

    private final Jdbc jdbc;

    public AccountProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegistered e, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO users (id, username, email, password_hash, global_name, bot, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                e.userId(), e.username(), e.email(), e.passwordHash(), e.globalName(), e.bot(), e.at(), version);
    }

    @EventHandler
    void on(ProfileChanged e, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE users SET username = ?, global_name = ?, avatar = ?, bio = ?, version = ?
                WHERE id = ? AND version < ?""",
                e.username(), e.globalName(), e.avatar(), e.bio(), version, e.userId(), version);
    }

    @EventHandler
    void on(PasswordChanged e, @SequenceNumber long version) {
        jdbc.update("UPDATE users SET password_hash = ?, version = ? WHERE id = ? AND version < ?",
                e.passwordHash(), version, e.userId(), version);
        jdbc.update("DELETE FROM auth_sessions WHERE user_id = ?", e.userId());
    }

    @EventHandler
    void on(SessionStarted e) {
        jdbc.update("""
                INSERT INTO auth_sessions (token_hash, user_id, session_id, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (token_hash) DO NOTHING""",
                HexFormat.of().parseHex(e.tokenHash()), e.userId(), e.sessionId(), e.at());
    }

    @EventHandler
    void on(SessionEnded e) {
        jdbc.update("DELETE FROM auth_sessions WHERE user_id = ? AND session_id = ?", e.userId(), e.sessionId());
    }

    @EventHandler
    void on(StaffGranted e, @SequenceNumber long version) {
        jdbc.update("UPDATE users SET flags = flags | ?, version = ? WHERE id = ? AND version < ?",
                UserRecord.STAFF, version, e.userId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE users, auth_sessions");
    }
}
