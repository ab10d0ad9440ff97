package io.parley.guild;

import io.parley.permission.MemberAccess;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads who the caller is in a guild, for permission checks. Outsiders get the same 404 as
 * for a guild or channel that does not exist, so nothing leaks to them.
 */
public final class GuildAccess {
    private static final String ROLES = """
            (SELECT array_agg(r.id ORDER BY r.id) FROM roles r WHERE r.guild_id = g.id) AS role_ids,
            (SELECT array_agg(r.permissions ORDER BY r.id) FROM roles r WHERE r.guild_id = g.id) AS role_permissions,
            (SELECT array_agg(r.position ORDER BY r.id) FROM roles r WHERE r.guild_id = g.id) AS role_positions""";

    /** What every recipient may do in a DM (Discord: no one manages messages there, anyone may pin). */
    public static final long PRIVATE_CHANNEL_PERMISSIONS = Permission.of(Permission.VIEW_CHANNEL,
            Permission.SEND_MESSAGES, Permission.EMBED_LINKS, Permission.ATTACH_FILES, Permission.READ_MESSAGE_HISTORY,
            Permission.ADD_REACTIONS, Permission.USE_EXTERNAL_EMOJIS, Permission.PIN_MESSAGES);

    private final Pool pool;

    public GuildAccess(Pool pool) {
        this.pool = pool;
    }

    /** The caller as a member of the guild; 404 UNKNOWN_GUILD when it does not exist or they are not in it. */
    public Future<Actor> member(long guildId, long userId) {
        return pool.preparedQuery("SELECT g.owner_id, m.roles, m.communication_disabled_until, " + ROLES + """

                        FROM guilds g JOIN members m ON m.guild_id = g.id AND m.user_id = $2
                        WHERE g.id = $1""")
                .execute(Tuple.of(guildId, userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ApiException(ErrorCode.UNKNOWN_GUILD);
                    }
                    return actor(guildId, userId, rows.iterator().next());
                });
    }

    /**
     * The caller in a channel's guild, in one round trip; 404 UNKNOWN_CHANNEL when the channel
     * does not exist or they are not a member of its guild.
     */
    public Future<ChannelActor> channel(long channelId, long userId) {
        return pool.preparedQuery("SELECT " + GuildQueries.prefixed("c.", ChannelRecord.COLUMNS)
                        + ", g.owner_id, m.roles, m.communication_disabled_until, " + ROLES + """

                        FROM channels c JOIN guilds g ON g.id = c.guild_id
                             JOIN members m ON m.guild_id = c.guild_id AND m.user_id = $2
                        WHERE c.id = $1""")
                .execute(Tuple.of(channelId, userId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return privateChannel(channelId, userId);
                    }
                    Row row = rows.iterator().next();
                    ChannelRecord channel = ChannelRecord.from(row);
                    return Future.succeededFuture(new ChannelActor(actor(channel.guildId(), userId, row), channel));
                });
    }

    /**
     * A DM or group DM the caller is a recipient of, as a channel of no guild (guild id 0) whose
     * @everyone grants {@link #PRIVATE_CHANNEL_PERMISSIONS}; 404 UNKNOWN_CHANNEL otherwise.
     */
    private Future<ChannelActor> privateChannel(long channelId, long userId) {
        return pool.preparedQuery("""
                        SELECT c.type, c.name FROM private_channels c
                          JOIN private_channel_recipients r ON r.channel_id = c.id AND r.user_id = $2
                        WHERE c.id = $1""")
                .execute(Tuple.of(channelId, userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ApiException(ErrorCode.UNKNOWN_CHANNEL);
                    }
                    Row row = rows.iterator().next();
                    ChannelRecord channel = new ChannelRecord(channelId, 0, row.getInteger("type"),
                            new ChannelSettings(row.getString("name"), null, 0, null, false, 0, 0, 0), List.of());
                    MemberAccess access = new MemberAccess(0, -1, userId, List.of(),
                            Map.of(0L, PRIVATE_CHANNEL_PERMISSIONS), false);
                    return new ChannelActor(new Actor(access, Map.of()), channel);
                });
    }

    private static Actor actor(long guildId, long userId, Row row) {
        Long[] ids = row.getArrayOfLongs("role_ids");
        Long[] rolePermissions = row.getArrayOfLongs("role_permissions");
        Integer[] rolePositions = row.getArrayOfIntegers("role_positions");
        Map<Long, Long> permissions = new HashMap<>();
        Map<Long, Integer> positions = new HashMap<>();
        for (int i = 0; ids != null && i < ids.length; i++) {
            permissions.put(ids[i], rolePermissions[i]);
            positions.put(ids[i], rolePositions[i]);
        }
        Long[] roleArray = row.getArrayOfLongs("roles");
        List<Long> memberRoles = roleArray == null ? List.of()
                : Arrays.stream(roleArray).filter(permissions::containsKey).toList();
        OffsetDateTime until = row.getOffsetDateTime("communication_disabled_until");
        boolean timedOut = until != null && until.toInstant().isAfter(Instant.now());
        MemberAccess access = new MemberAccess(guildId, row.getLong("owner_id"), userId, memberRoles, permissions,
                timedOut);
        return new Actor(access, positions);
    }
}
