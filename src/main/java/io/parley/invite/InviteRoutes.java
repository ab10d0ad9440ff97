package io.parley.invite;

import io.parley.guild.ChannelActor;
import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.PathText;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.invite.InviteCommands.CreateInvite;
import io.parley.invite.InviteCommands.DeleteInvite;
import io.parley.invite.InviteCommands.UseInvite;
import io.parley.member.MemberCommands.JoinGuild;
import io.parley.member.MemberIds;
import io.parley.member.MemberProjection;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import static io.parley.http.Handlers.async;

/** Invites: create on a channel, look up by code (no login needed), accept, delete, list. */
public final class InviteRoutes implements RouteModule {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GuildContext g;
    private final InviteQueries invites;

    public InviteRoutes(GuildContext g, InviteQueries invites) {
        this.g = g;
        this.invites = invites;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.post("/channels/:channelId/invites").handler(auth).handler(async(this::create));
        api.get("/channels/:channelId/invites").handler(auth).handler(async(this::ofChannel));
        api.get("/guilds/:guildId/invites").handler(auth).handler(async(this::ofGuild));
        api.get("/invites/:code").handler(async(this::get));
        api.post("/invites/:code").handler(auth).handler(async(this::accept));
        api.delete("/invites/:code").handler(auth).handler(async(this::delete));
    }

    private Future<?> create(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        JsonInput input = JsonInput.of(ctx);
        int maxAge = input.integer("max_age", 0, 604_800, 86_400);
        int maxUses = input.integer("max_uses", 0, 100, 0);
        boolean temporary = input.bool("temporary", false);
        boolean unique = input.bool("unique", false);
        input.done();
        int limit = g.services().config().limits().invitesPerGuild();
        return g.access().channel(channelId, Authenticator.principal(ctx).userId()).compose(access -> {
            access.require(Permission.CREATE_INSTANT_INVITE);
            long guildId = access.channel().guildId();
            long inviterId = access.actor().userId();
            Future<String> code = unique ? Future.succeededFuture(null)
                    : invites.reusable(channelId, inviterId, maxAge, maxUses, temporary).map(found -> found.orElse(null));
            return code.compose(existing -> {
                if (existing != null) {
                    return Future.succeededFuture(existing);
                }
                return invites.countOfGuild(guildId).compose(count -> {
                    if (count >= limit) {
                        throw new ApiException(ErrorCode.MAX_INVITES, ErrorCode.MAX_INVITES.message() + " (" + limit + ")");
                    }
                    String fresh = newCode();
                    return g.services().commands().send(new CreateInvite(fresh, guildId, channelId, inviterId, maxAge,
                                    maxUses, temporary, Instant.now()))
                            .compose(v -> g.caughtUp(InviteProjection.GROUP, fresh, 0))
                            .map(v -> fresh);
                });
            });
        }).compose(invites::invite).compose(invite -> Replies.json(ctx, 200, invite.orElseThrow().toJson(true)));
    }

    private Future<?> ofChannel(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        return g.access().channel(channelId, Authenticator.principal(ctx).userId())
                .compose(access -> {
                    access.require(Permission.MANAGE_CHANNELS);
                    return invites.ofChannel(channelId);
                })
                .compose(list -> Replies.json(ctx, 200, json(list)));
    }

    private Future<?> ofGuild(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        return g.access().member(guildId, Authenticator.principal(ctx).userId())
                .compose(actor -> {
                    actor.require(Permission.MANAGE_GUILD);
                    return invites.ofGuild(guildId);
                })
                .compose(list -> Replies.json(ctx, 200, json(list)));
    }

    private Future<?> get(RoutingContext ctx) {
        boolean withCounts = "true".equalsIgnoreCase(ctx.request().getParam("with_counts"));
        return usable(PathText.of(ctx, "code", ErrorCode.UNKNOWN_INVITE)).compose(invite -> {
            JsonObject json = invite.toJson(false);
            if (!withCounts) {
                return Replies.json(ctx, 200, json);
            }
            return g.guilds().memberCount(invite.guildId()).compose(count -> Replies.json(ctx, 200,
                    json.put("approximate_member_count", count).put("approximate_presence_count", 0)));
        });
    }

    /** Joins the guild. A member accepting again uses nothing; a banned user is refused. */
    private Future<?> accept(RoutingContext ctx) {
        long userId = Authenticator.principal(ctx).userId();
        return usable(PathText.of(ctx, "code", ErrorCode.UNKNOWN_INVITE)).compose(invite -> {
            long guildId = invite.guildId();
            String memberId = MemberIds.of(guildId, userId);
            return g.members().member(guildId, userId).compose(member -> {
                if (member.isPresent()) {
                    return Future.succeededFuture();
                }
                return g.members().isBanned(guildId, userId).compose(banned -> {
                    if (banned) {
                        throw new ApiException(ErrorCode.USER_BANNED);
                    }
                    return g.guilds().guildCountOf(userId);
                }).compose(count -> {
                    if (count >= g.services().config().limits().guildsPerUser()) {
                        throw new ApiException(ErrorCode.MAX_GUILDS);
                    }
                    return g.services().commands().<Long>send(new UseInvite(invite.code(), userId, Instant.now()))
                            .compose(version -> g.caughtUp(InviteProjection.GROUP, invite.code(), version));
                }).compose(v -> g.services().commands().<Long>send(
                                new JoinGuild(memberId, guildId, userId, invite.code(), Instant.now())))
                        .compose(version -> g.caughtUp(MemberProjection.GROUP, memberId, version));
            }).compose(v -> Replies.json(ctx, 200, invite.toJson(false)));
        });
    }

    private Future<?> delete(RoutingContext ctx) {
        long userId = Authenticator.principal(ctx).userId();
        return invites.invite(PathText.of(ctx, "code", ErrorCode.UNKNOWN_INVITE)).compose(found -> {
            InviteRecord invite = found.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_INVITE));
            return g.access().channel(invite.channelId(), userId).compose(access -> {
                requireManager(access);
                return g.services().commands().<Long>send(new DeleteInvite(invite.code(), userId, Instant.now()))
                        .compose(version -> g.caughtUp(InviteProjection.GROUP, invite.code(), version));
            }).recover(e -> Future.failedFuture(e instanceof ApiException api && api.code() == ErrorCode.UNKNOWN_CHANNEL
                    ? new ApiException(ErrorCode.UNKNOWN_INVITE) : e))
                    .compose(v -> Replies.json(ctx, 200, invite.toJson(true)));
        });
    }

    /** Deleting needs MANAGE_CHANNELS on the invite's channel or MANAGE_GUILD. */
    private static void requireManager(ChannelActor access) {
        if (!Permission.has(access.permissions(), Permission.MANAGE_CHANNELS)) {
            access.actor().require(Permission.MANAGE_GUILD);
        }
    }

    private Future<InviteRecord> usable(String code) {
        return invites.invite(code).map(found -> found.filter(invite -> invite.isUsable(Instant.now()))
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_INVITE)));
    }

    private static JsonArray json(List<InviteRecord> list) {
        JsonArray array = new JsonArray();
        list.forEach(invite -> array.add(invite.toJson(true)));
        return array;
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
