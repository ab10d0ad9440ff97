package io.parley.member;

import io.parley.account.UserRecord;
import io.parley.platform.storage.Rows;
import io.parley.http.IdPage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reactive reads of members and bans, joined with their users. */
public final class MemberQueries {
    private static final String SELECT = """
            SELECT m.guild_id, m.nick, m.roles, m.joined_at, m.communication_disabled_until,
                   coalesce(f.mute, false) AS mute, coalesce(f.deaf, false) AS deaf,
                   u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, u.bot, u.flags
            FROM members m JOIN users u ON u.id = m.user_id
            LEFT JOIN server_voice_flags f ON f.guild_id = m.guild_id AND f.user_id = m.user_id""";

    private final Pool pool;

    public MemberQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<MemberRecord>> member(long guildId, long userId) {
        return pool.preparedQuery(SELECT + " WHERE m.guild_id = $1 AND m.user_id = $2")
                .execute(Tuple.of(guildId, userId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(member(rows.iterator().next())));
    }

    /** Members ordered by user id, after {@code after}, at most {@code limit}. */
    public Future<List<MemberRecord>> members(long guildId, long after, int limit) {
        return pool.preparedQuery(SELECT + " WHERE m.guild_id = $1 AND m.user_id > $2 ORDER BY m.user_id LIMIT $3")
                .execute(Tuple.of(guildId, after, limit))
                .map(rows -> Rows.all(rows, MemberQueries::member));
    }

    /** Members whose username or nick starts with {@code prefix} (case-insensitive), by user id. */
    public Future<List<MemberRecord>> search(long guildId, String prefix, int limit) {
        String pattern = prefix.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return pool.preparedQuery(SELECT + " WHERE m.guild_id = $1 AND (lower(u.username) LIKE $2 OR lower(m.nick) LIKE $2)"
                        + " ORDER BY m.user_id LIMIT $3")
                .execute(Tuple.of(guildId, pattern, limit))
                .map(rows -> Rows.all(rows, MemberQueries::member));
    }

    public Future<List<MemberRecord>> byIds(long guildId, List<Long> userIds) {
        return pool.preparedQuery(SELECT + " WHERE m.guild_id = $1 AND m.user_id = ANY($2) ORDER BY m.user_id")
                .execute(Tuple.of(guildId, (Object) userIds.toArray(Long[]::new)))
                .map(rows -> Rows.all(rows, MemberQueries::member));
    }

    public Future<Boolean> isBanned(long guildId, long userId) {
        return pool.preparedQuery("SELECT 1 FROM bans WHERE guild_id = $1 AND user_id = $2")
                .execute(Tuple.of(guildId, userId)).map(rows -> rows.size() > 0);
    }

    /** Ban objects of the wire format ({@code {reason, user}}), by user id. */
    /** One page of a guild's bans by user id, as Discord pages them ({@link IdPage}). */
    public Future<List<JsonObject>> bans(long guildId, IdPage page) {
        String sql = """
                SELECT b.reason, u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, u.bot, u.flags
                FROM bans b JOIN users u ON u.id = b.user_id WHERE b.guild_id = $1
                  AND ($2::bigint IS NULL OR b.user_id > $2) AND ($3::bigint IS NULL OR b.user_id < $3)
                ORDER BY b.user_id""" + (page.fromTheEnd() ? " DESC" : "") + " LIMIT $4";
        return pool.preparedQuery(sql).execute(Tuple.of(guildId, page.after(), page.before(), page.limit()))
                .map(rows -> {
                    List<JsonObject> bans = new ArrayList<>(rows.size());
                    rows.forEach(row -> bans.add(new JsonObject().put("reason", row.getString("reason"))
                            .put("user", UserRecord.from(row).toPublicJson())));
                    return page.ascending(bans);
                });
    }

    public Future<List<JsonObject>> bans(long guildId, Long onlyUserId) {
        String sql = """
                SELECT b.reason, u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, u.bot, u.flags
                FROM bans b JOIN users u ON u.id = b.user_id WHERE b.guild_id = $1""";
        Tuple params = Tuple.of(guildId);
        if (onlyUserId != null) {
            sql += " AND b.user_id = $2";
            params.addLong(onlyUserId);
        }
        return pool.preparedQuery(sql + " ORDER BY b.user_id").execute(params).map(rows -> {
            List<JsonObject> bans = new ArrayList<>(rows.size());
            rows.forEach(row -> bans.add(new JsonObject().put("reason", row.getString("reason"))
                    .put("user", UserRecord.from(row).toPublicJson())));
            return bans;
        });
    }

    private static MemberRecord member(Row row) {
        Long[] roles = row.getArrayOfLongs("roles");
        return new MemberRecord(row.getLong("guild_id"), UserRecord.from(row), row.getString("nick"),
                roles == null ? List.of() : Arrays.asList(roles), row.getOffsetDateTime("joined_at"),
                row.getOffsetDateTime("communication_disabled_until"), row.getBoolean("mute"), row.getBoolean("deaf"));
    }
}
