package io.parley.guild;

import io.parley.permission.MemberAccess;
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
    private final Pool pool;
    private final GuildQueries guilds;

    public GuildAccess(Pool pool, GuildQueries guilds) {
        this.pool = pool;
        this.guilds = guilds;
    }

    /** The caller as a member of the guild; 404 UNKNOWN_GUILD when it does not exist or they are not in it. */
    public Future<Actor> member(long guildId, long userId) {
        return pool.preparedQuery("""
                        SELECT g.owner_id, m.roles, m.communication_disabled_until
                        FROM guilds g JOIN members m ON m.guild_id = g.id AND m.user_id = $2
                        WHERE g.id = $1""")
                .execute(Tuple.of(guildId, userId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_GUILD));
                    }
                    Row row = rows.iterator().next();
                    return rolesOf(guildId).map(roles -> actor(guildId, userId, row, roles));
                });
    }

    /** The caller in a channel's guild; 404 UNKNOWN_CHANNEL when it does not exist or they are not a member. */
    public Future<ChannelActor> channel(long channelId, long userId) {
        return guilds.channel(channelId).compose(channel -> channel
                .map(found -> member(found.guildId(), userId)
                        .recover(e -> Future.failedFuture(e instanceof ApiException api
                                && api.code() == ErrorCode.UNKNOWN_GUILD ? new ApiException(ErrorCode.UNKNOWN_CHANNEL) : e))
                        .map(actor -> new ChannelActor(actor, found)))
                .orElseGet(() -> Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_CHANNEL))));
    }

    private Future<Map<Long, long[]>> rolesOf(long guildId) {
        return pool.preparedQuery("SELECT id, permissions, position FROM roles WHERE guild_id = $1")
                .execute(Tuple.of(guildId))
                .map(rows -> {
                    Map<Long, long[]> roles = new HashMap<>();
                    rows.forEach(r -> roles.put(r.getLong("id"),
                            new long[]{r.getLong("permissions"), r.getInteger("position")}));
                    return roles;
                });
    }

    private static Actor actor(long guildId, long userId, Row row, Map<Long, long[]> roles) {
        Long[] roleArray = row.getArrayOfLongs("roles");
        List<Long> memberRoles = roleArray == null ? List.of()
                : Arrays.stream(roleArray).filter(roles::containsKey).toList();
        OffsetDateTime until = row.getOffsetDateTime("communication_disabled_until");
        boolean timedOut = until != null && until.toInstant().isAfter(Instant.now());
        Map<Long, Long> permissions = new HashMap<>();
        Map<Long, Integer> positions = new HashMap<>();
        roles.forEach((id, values) -> {
            permissions.put(id, values[0]);
            positions.put(id, (int) values[1]);
        });
        MemberAccess access = new MemberAccess(guildId, row.getLong("owner_id"), userId, memberRoles, permissions,
                timedOut);
        return new Actor(access, positions);
    }
}
