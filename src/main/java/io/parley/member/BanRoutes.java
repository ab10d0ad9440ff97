package io.parley.member;

import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.IdPage;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.member.MemberCommands.BanUser;
import io.parley.member.MemberCommands.UnbanUser;
import io.parley.permission.Permission;
import io.parley.platform.axon.AuditReasons;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

import static io.parley.http.Handlers.async;

/** Bans: list, read, ban (ending membership, with a message deletion window), unban. */
public final class BanRoutes implements RouteModule {
    private static final int MAX_DELETE_SECONDS = 7 * 24 * 3600;
    /** Discord's default and largest {@code limit} of GET /guilds/{id}/bans. */
    private static final int MAX_BANS_PAGE = 1000;
    private final GuildContext g;

    public BanRoutes(GuildContext g) {
        this.g = g;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/guilds/:guildId/bans").handler(auth).handler(async(this::list));
        api.get("/guilds/:guildId/bans/:userId").handler(auth).handler(async(this::get));
        api.put("/guilds/:guildId/bans/:userId").handler(auth).handler(async(this::ban));
        api.delete("/guilds/:guildId/bans/:userId").handler(auth).handler(async(this::unban));
    }

    private Future<?> list(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        IdPage page = IdPage.of(ctx, MAX_BANS_PAGE);
        return g.access().member(guildId, Authenticator.principal(ctx).userId())
                .compose(actor -> {
                    actor.require(Permission.BAN_MEMBERS);
                    return g.members().bans(guildId, page).map(JsonArray::new);
                })
                .compose(list -> Replies.json(ctx, 200, list));
    }

    private Future<?> get(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_BAN);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.BAN_MEMBERS);
            return g.members().bans(guildId, userId);
        }).compose(bans -> bans.isEmpty() ? Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_BAN))
                : Replies.json(ctx, 200, bans.get(0)));
    }

    private Future<?> ban(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_USER);
        JsonInput input = JsonInput.of(ctx);
        int deleteSeconds = input.integer("delete_message_seconds", 0, MAX_DELETE_SECONDS, 0);
        String bodyReason = input.optionalText("reason", 0, 512);
        input.done();
        String reason = bodyReason != null ? bodyReason : AuditReasons.current();
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.BAN_MEMBERS);
            return g.services().accounts().userById(userId).compose(user -> {
                if (user.isEmpty()) {
                    throw new ApiException(ErrorCode.UNKNOWN_USER);
                }
                return g.members().member(guildId, userId);
            }).compose(member -> {
                if (member.isPresent()) {
                    MemberRoutes.requireAboveMember(actor, member.get());
                } else if (userId == actor.access().ownerId()) {
                    throw new ApiException(ErrorCode.MISSING_PERMISSIONS);
                }
                String memberId = MemberIds.of(guildId, userId);
                return g.services().commands().<Long>send(new BanUser(memberId, guildId, userId, actor.userId(), reason,
                                deleteSeconds, Instant.now()))
                        .compose(version -> g.caughtUp(MemberProjection.GROUP, memberId, version));
            });
        }).compose(v -> Replies.noContent(ctx));
    }

    private Future<?> unban(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_BAN);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.BAN_MEMBERS);
            String memberId = MemberIds.of(guildId, userId);
            return g.members().isBanned(guildId, userId).compose(banned -> {
                if (!banned) {
                    throw new ApiException(ErrorCode.UNKNOWN_BAN);
                }
                return g.services().commands().<Long>send(new UnbanUser(memberId, actor.userId(), Instant.now()))
                        .compose(version -> g.caughtUp(MemberProjection.GROUP, memberId, version));
            });
        }).compose(v -> Replies.noContent(ctx));
    }
}
