package io.parley.account;

import io.parley.platform.error.FieldError;
import io.parley.platform.storage.StorageException;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link AccountClaims} in the account_claims table, on the command's own transaction. */
public final class PostgresAccountClaims implements AccountClaims {
    private static final String CLAIM = """
            INSERT INTO account_claims (kind, value, user_id) VALUES (?, ?, ?)
            ON CONFLICT (kind, value) DO UPDATE SET user_id = account_claims.user_id
            RETURNING user_id""";
    private static final String RELEASE = "DELETE FROM account_claims WHERE kind = ? AND value = ? AND user_id = ?";

    private final ConnectionProvider connections;

    public PostgresAccountClaims(ConnectionProvider connections) {
        this.connections = connections;
    }

    @Override
    public List<FieldError> claim(long userId, String username, String email) {
        List<FieldError> taken = new ArrayList<>();
        try (Connection connection = connections.getConnection()) {
            if (username != null && !claimOne(connection, "username", username, userId)) {
                taken.add(new FieldError("username", "Username is already taken"));
            }
            if (email != null && !claimOne(connection, "email", email, userId)) {
                taken.add(new FieldError("email", "Email is already registered"));
            }
        } catch (SQLException e) {
            throw new StorageException("claiming account names failed", e);
        }
        return taken;
    }

    @Override
    public void releaseUsername(long userId, String username) {
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement(RELEASE)) {
            delete.setString(1, "username");
            delete.setString(2, normalize(username));
            delete.setLong(3, userId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("releasing a username failed", e);
        }
    }

    /** True when the value is now (or already was) this user's. Waits on a concurrent claimer's commit. */
    private static boolean claimOne(Connection connection, String kind, String value, long userId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, kind);
            insert.setString(2, normalize(value));
            insert.setLong(3, userId);
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1) == userId;
            }
        }
    }

    private static String normalize(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
