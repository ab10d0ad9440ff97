package io.parley.guild;

import io.parley.member.MemberProjection;
import io.parley.permission.MemberAccess;
import io.parley.permission.Permission;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.platform.cache.CommitInvalidatedCache;
import io.parley.social.PrivateChannelProjection;
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

    /** How long a channel access is reused without reading the tables (bounds a lost cluster invalidation). */
    public static final long CHANNEL_ACCESS_TTL_MS = 5_000;
    /** The projections whose tables {@link #channel} reads: any commit of theirs empties the cache. */
    private static final List<String> ACCESS_GROUPS = List.of(GuildProjection.GROUP + '/',
            MemberProjection.GROUP + '/', PrivateChannelProjection.GROUP + '/');

    private final Pool pool;
    private final CommitInvalidatedCache<ChannelKey, Cached> channels;

    /** Reads every access from the tables. */
    public GuildAccess(Pool pool) {
        this.pool = pool;
        this.channels = null;
    }

    /**
     * Caches {@link #channel} per (channel, user) for {@link #CHANNEL_ACCESS_TTL_MS}, emptied
     * whenever the guild, member or private-channel projection commits (here, before the reply
     * that waited for the commit goes out; in cluster mode when another node's commit is relayed).
     */
    public GuildAccess(Pool pool, ReadYourWrites commits) {
        this.pool = pool;
        this.channels = new CommitInvalidatedCache<>(CHANNEL_ACCESS_TTL_MS, 100_000);
        commits.onCommitted((key, version) -> {
            for (String group : ACCESS_GROUPS) {
                if (key.startsWith(group)) {
                    channels.invalidateAll();
                    return;
                }
            }
        });
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
        if (channels == null) {
            return loadChannel(channelId, userId).map(Cached::actor);
        }
        return channels.get(new ChannelKey(channelId, userId), () -> loadChannel(channelId, userId), Cached::cacheable)
                .map(Cached::actor);
    }

    /** Not cacheable: a timed-out member (the timeout ends by the clock, not by an event). */
    private record Cached(ChannelActor actor, boolean cacheable) {
    }

    private record ChannelKey(long channelId, long userId) {
    }

    private Future<Cached> loadChannel(long channelId, long userId) {
        return pool.preparedQuery("SELECT " + GuildQueries.prefixed("c.", ChannelRecord.COLUMNS)
                        + ", g.owner_id, m.roles, m.communication_disabled_until, " + ROLES + """

                        FROM channels c JOIN guilds g ON g.id = c.guild_id
                             JOIN members m ON m.guild_id = c.guild_id AND m.user_id = $2
                        WHERE c.id = $1""")
                .execute(Tuple.of(channelId, userId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return privateChannel(channelId, userId).map(actor -> new Cached(actor, true));
                    }
                    Row row = rows.iterator().next();
                    ChannelRecord channel = ChannelRecord.from(row);
                    return Future.succeededFuture(new Cached(new ChannelActor(actor(channel.guildId(), userId, row), channel),
                            row.getOffsetDateTime("communication_disabled_until") == null));
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
