package io.parley.account;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;

/** Reactive reads of the account tables, for the event loops. */
public final class AccountQueries {
    private static final String USER_COLUMNS =
            "id, username, email, password_hash, global_name, avatar, bio, bot, flags";

    private final Pool pool;

    public AccountQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<UserRecord>> userById(long id) {
        return pool.preparedQuery("SELECT " + USER_COLUMNS + " FROM users WHERE id = $1")
                .execute(Tuple.of(id))
                .map(AccountQueries::firstUser);
    }

    /** {@code login} is an email when it has an '@' (usernames cannot), a username otherwise. */
    public Future<Optional<UserRecord>> userByLogin(String login) {
        String column = login.contains("@") ? "email" : "username";
        return pool.preparedQuery("SELECT " + USER_COLUMNS + " FROM users WHERE lower(" + column + ") = lower($1)")
                .execute(Tuple.of(login))
                .map(AccountQueries::firstUser);
    }

    public Future<Optional<Principal>> principalByTokenHash(byte[] tokenHash) {
        return pool.preparedQuery("""
                        SELECT s.user_id, s.session_id, u.bot FROM auth_sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.token_hash = $1""")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(tokenHash)))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = it.next();
                    return Optional.of(new Principal(row.getLong("user_id"), row.getLong("session_id"),
                            row.getBoolean("bot")));
                });
    }

    private static Optional<UserRecord> firstUser(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(UserRecord.from(it.next())) : Optional.empty();
    }
}
