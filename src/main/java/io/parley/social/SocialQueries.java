package io.parley.social;

import io.parley.account.UserRecord;
import io.parley.platform.storage.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/** Reactive reads of relationships, private channels and read states, for routes and READY. */
public final class SocialQueries {
    private static final String USER = "u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, "
            + "u.bot, u.flags";
    /** Messages after the ack that mention the user directly, through one of their roles, or with @everyone. */
    private static final String MENTIONS = """
            (SELECT count(*) FROM messages m WHERE m.channel_id = rs.channel_id AND m.id > rs.last_message_id
               AND m.author_id <> rs.user_id
               AND (rs.user_id = ANY(m.mentions) OR m.mention_everyone OR m.mention_roles && COALESCE(
                    (SELECT mb.roles FROM members mb WHERE mb.guild_id = m.guild_id AND mb.user_id = rs.user_id),
                    '{}'::BIGINT[])))""";

    private final Pool pool;

    public SocialQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<JsonArray> relationships(long userId) {
        return pool.preparedQuery("SELECT r.type, r.since, " + USER
                        + " FROM relationships r JOIN users u ON u.id = r.other_id WHERE r.user_id = $1 ORDER BY r.since")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    JsonArray out = new JsonArray();
                    rows.forEach(row -> out.add(relationshipJson(row)));
                    return out;
                });
    }

    static JsonObject relationshipJson(Row row) {
        UserRecord user = UserRecord.from(row);
        return new JsonObject().put("id", Long.toString(user.id())).put("type", row.getInteger("type"))
                .put("user", user.toPublicJson()).put("nickname", null)
                .put("since", row.getOffsetDateTime("since").toInstant().toString());
    }

    public Future<Long> relationshipCount(long userId) {
        return pool.preparedQuery("SELECT count(*) FROM relationships WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Future<Optional<Long>> userIdByUsername(String username) {
        return pool.preparedQuery("SELECT id FROM users WHERE lower(username) = lower($1)").execute(Tuple.of(username))
                .map(rows -> Rows.first(rows, row -> row.getLong(0)));
    }

    public Future<Boolean> userExists(long userId) {
        return pool.preparedQuery("SELECT 1 FROM users WHERE id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() > 0);
    }

    /** Whether either user blocks the other. */
    public Future<Boolean> blockedBetween(long a, long b) {
        return pool.preparedQuery("""
                        SELECT 1 FROM relationships WHERE type = 2
                          AND ((user_id = $1 AND other_id = $2) OR (user_id = $2 AND other_id = $1))""")
                .execute(Tuple.of(a, b)).map(rows -> rows.size() > 0);
    }

    public Future<Optional<Long>> existingDm(long a, long b) {
        return pool.preparedQuery("""
                        SELECT c.id FROM private_channels c
                          JOIN private_channel_recipients x ON x.channel_id = c.id AND x.user_id = $1
                          JOIN private_channel_recipients y ON y.channel_id = c.id AND y.user_id = $2
                        WHERE c.type = 1 ORDER BY c.id LIMIT 1""")
                .execute(Tuple.of(a, b)).map(rows -> Rows.first(rows, row -> row.getLong(0)));
    }

    public Future<List<Long>> recipients(long channelId) {
        return pool.preparedQuery("SELECT user_id FROM private_channel_recipients WHERE channel_id = $1 ORDER BY user_id")
                .execute(Tuple.of(channelId)).map(rows -> Rows.all(rows, row -> row.getLong(0)));
    }

    /** Every private channel the user is in, as they see it (recipients leave the viewer out, as in Discord). */
    public Future<JsonArray> privateChannels(long viewerId) {
        return pool.preparedQuery("""
                        SELECT c.id, c.type, c.owner_id, c.name,
                          (SELECT max(m.id) FROM messages m WHERE m.channel_id = c.id) AS last_message_id
                        FROM private_channels c JOIN private_channel_recipients r ON r.channel_id = c.id
                        WHERE r.user_id = $1 ORDER BY c.id""")
                .execute(Tuple.of(viewerId))
                .compose(rows -> {
                    List<Row> list = Rows.all(rows, row -> row);
                    return pool.preparedQuery("SELECT r.channel_id, " + USER + """
                                     FROM private_channel_recipients r JOIN users u ON u.id = r.user_id
                                    WHERE r.channel_id IN (SELECT channel_id FROM private_channel_recipients
                                                           WHERE user_id = $1) AND r.user_id <> $1
                                    ORDER BY r.user_id""")
                            .execute(Tuple.of(viewerId))
                            .map(users -> {
                                JsonArray out = new JsonArray();
                                for (Row c : list) {
                                    JsonArray recipients = new JsonArray();
                                    users.forEach(u -> {
                                        if (u.getLong("channel_id").equals(c.getLong("id"))) {
                                            recipients.add(UserRecord.from(u).toPublicJson());
                                        }
                                    });
                                    out.add(PrivateChannelJson.of(c.getLong("id"), c.getInteger("type"),
                                            c.getLong("owner_id"), c.getString("name"), c.getLong("last_message_id"),
                                            recipients));
                                }
                                return out;
                            });
                });
    }

    public Future<Optional<JsonObject>> privateChannel(long channelId, long viewerId) {
        return privateChannels(viewerId).map(all -> all.stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals(Long.toString(channelId))).findFirst());
    }

    /** READY's read_state entries. */
    public Future<JsonArray> readStates(long userId) {
        return pool.preparedQuery("SELECT rs.channel_id, rs.last_message_id, " + MENTIONS
                        + " AS mention_count FROM read_states rs WHERE rs.user_id = $1 ORDER BY rs.channel_id")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    JsonArray out = new JsonArray();
                    rows.forEach(row -> out.add(new JsonObject().put("id", Long.toString(row.getLong(0)))
                            .put("last_message_id", Long.toString(row.getLong(1)))
                            .put("mention_count", row.getLong(2).intValue()).put("last_pin_timestamp", null)));
                    return out;
                });
    }

    /** READY's private_channels, relationships and read_state for one user. */
    public Future<JsonObject> readyParts(long userId) {
        return privateChannels(userId).compose(channels -> relationships(userId).compose(relationships ->
                readStates(userId).map(states -> new JsonObject()
                        .put("private_channels", channels)
                        .put("relationships", relationships)
                        .put("read_state", new JsonObject().put("version", 0).put("partial", false)
                                .put("entries", states)))));
    }
}
