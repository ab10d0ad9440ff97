package io.parley.guild;

import io.parley.account.Principal;
import io.parley.guild.GuildCommands.CreateGuild;
import io.parley.guild.GuildCommands.DeleteGuild;
import io.parley.guild.GuildCommands.TransferOwnership;
import io.parley.guild.GuildCommands.UpdateGuild;
import io.parley.http.Authenticator;
import io.parley.http.IdPage;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.member.MemberCommands.JoinGuild;
import io.parley.member.MemberCommands.RemoveMember;
import io.parley.member.MemberIds;
import io.parley.member.MemberProjection;
import io.parley.permission.Permission;
import io.parley.permission.PermissionCalculator;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

import java.util.function.BiFunction;

import static io.parley.http.Handlers.async;

/** Guilds: create, read, modify, transfer, delete, leave, and the caller's guild list. */
public final class GuildRoutes implements RouteModule {
    /** Discord's default and largest {@code limit} of GET /users/@me/guilds. */
    private static final int MAX_GUILDS_PAGE = 200;
    private final GuildContext g;
    private final BiFunction<Long, JsonObject, Future<JsonObject>> expressions;

    /** {@code expressions} puts a guild's emojis and stickers into its object (they live in their own packages). */
    public GuildRoutes(GuildContext g, BiFunction<Long, JsonObject, Future<JsonObject>> expressions) {
        this.g = g;
        this.expressions = expressions;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.post("/guilds").handler(auth).handler(async(this::create));
        api.get("/guilds/:guildId").handler(auth).handler(async(this::get));
        api.patch("/guilds/:guildId").handler(auth).handler(async(this::modify));
        api.delete("/guilds/:guildId").handler(auth).handler(async(this::delete));
        api.post("/guilds/:guildId/delete").handler(auth).handler(async(this::delete));
        api.get("/users/@me/guilds").handler(auth).handler(async(this::mine));
        api.delete("/users/@me/guilds/:guildId").handler(auth).handler(async(this::leave));
    }

    private Future<?> create(RoutingContext ctx) {
        JsonInput input = JsonInput.of(ctx);
        String name = strippedName(input, input.requiredString("name", 2, 100));
        input.done();
        long userId = Authenticator.principal(ctx).userId();
        int limit = g.services().config().limits().guildsPerUser();
        return g.guilds().guildCountOf(userId).compose(count -> {
            if (count >= limit) {
                throw new ApiException(ErrorCode.MAX_GUILDS, ErrorCode.MAX_GUILDS.message() + " (" + limit + ")");
            }
            long guildId = g.services().snowflakes().next();
            Instant now = Instant.now();
            return g.services().commands().send(new CreateGuild(guildId, userId, name.strip(),
                            g.services().snowflakes().next(), now))
                    .compose(v -> g.services().commands().<Long>send(
                            new JoinGuild(MemberIds.of(guildId, userId), guildId, userId, null, now)))
                    .compose(version -> g.caughtUp(MemberProjection.GROUP, MemberIds.of(guildId, userId), version))
                    // GuildCreated, the @everyone role and the default channel are versions 0-2.
                    .compose(v -> g.caughtUp(GuildProjection.GROUP, guildId, 2))
                    .compose(v -> guildJson(guildId))
                    .compose(json -> Replies.json(ctx, 201, json));
        });
    }

    private Future<?> get(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        boolean withCounts = "true".equalsIgnoreCase(ctx.request().getParam("with_counts"));
        return g.access().member(guildId, principal(ctx).userId())
                .compose(actor -> guildJson(guildId))
                .compose(json -> !withCounts ? Future.succeededFuture(json)
                        : g.guilds().memberCount(guildId).map(count -> json
                        .put("approximate_member_count", count).put("approximate_presence_count", 0)))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> modify(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        JsonInput input = JsonInput.of(ctx);
        String name = strippedName(input, input.optionalString("name", 2, 100));
        String description = input.optionalText("description", 0, 300);
        Long systemChannelId = input.snowflake("system_channel_id");
        Long newOwnerId = input.snowflake("owner_id");
        input.done();
        long userId = principal(ctx).userId();
        return g.access().member(guildId, userId).compose(actor -> {
            actor.require(Permission.MANAGE_GUILD);
            if (newOwnerId != null && !actor.isOwner()) {
                throw new ApiException(ErrorCode.MISSING_PERMISSIONS, "Only the owner can transfer ownership");
            }
            return g.guilds().guild(guildId).map(java.util.Optional::orElseThrow).compose(current -> {
                GuildSettings wanted = new GuildSettings(name != null ? name.strip() : current.settings().name(),
                        input.has("description") ? description : current.settings().description(),
                        input.has("system_channel_id") ? systemChannelId : current.settings().systemChannelId());
                Future<Long> updated = g.services().commands().send(new UpdateGuild(guildId, userId, wanted, Instant.now()));
                if (newOwnerId == null) {
                    return updated;
                }
                return updated.compose(v -> g.members().member(guildId, newOwnerId)).compose(member -> {
                    if (member.isEmpty()) {
                        throw ApiException.invalid("owner_id", "The new owner must be a member of the guild");
                    }
                    return g.services().commands().<Long>send(
                            new TransferOwnership(guildId, userId, newOwnerId, Instant.now()));
                });
            });
        }).compose(version -> g.caughtUp(GuildProjection.GROUP, guildId, version))
                .compose(v -> guildJson(guildId))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> delete(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = principal(ctx).userId();
        return g.access().member(guildId, userId)
                .compose(actor -> g.services().commands().<Long>send(new DeleteGuild(guildId, userId, Instant.now())))
                .compose(version -> g.caughtUp(GuildProjection.GROUP, guildId, version))
                .compose(v -> Replies.noContent(ctx));
    }

    private Future<?> leave(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = principal(ctx).userId();
        return g.access().member(guildId, userId).compose(actor -> {
            if (actor.isOwner()) {
                throw new ApiException(ErrorCode.OWNER_CANNOT_LEAVE);
            }
            String memberId = MemberIds.of(guildId, userId);
            return g.services().commands().<Long>send(new RemoveMember(memberId, userId, Instant.now()))
                    .compose(version -> g.caughtUp(MemberProjection.GROUP, memberId, version));
        }).compose(v -> Replies.noContent(ctx));
    }

    /** Partial guild objects with the caller's guild-wide permissions. */
    private Future<?> mine(RoutingContext ctx) {
        long userId = principal(ctx).userId();
        IdPage page = IdPage.of(ctx, MAX_GUILDS_PAGE);
        return g.guilds().guildsOf(userId).map(all -> page.of(all, GuildRecord::id)).compose(guilds -> {
            JsonArray list = new JsonArray();
            Future<Void> chain = Future.succeededFuture();
            for (GuildRecord guild : guilds) {
                chain = chain.compose(v -> g.access().member(guild.id(), userId).map(actor -> {
                    list.add(new JsonObject()
                            .put("id", Long.toString(guild.id()))
                            .put("name", guild.settings().name())
                            .put("icon", null)
                            .put("owner", actor.isOwner())
                            .put("permissions", Permission.toWire(PermissionCalculator.base(actor.access())))
                            .put("features", new JsonArray()));
                    return null;
                }));
            }
            return chain.compose(v -> Replies.json(ctx, 200, list));
        });
    }

    private Future<JsonObject> guildJson(long guildId) {
        return g.guilds().guild(guildId).compose(guild -> guild
                .map(found -> g.guilds().roles(guildId).map(found::toJson)
                        .compose(json -> expressions.apply(guildId, json)))
                .orElseGet(() -> Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_GUILD))));
    }

    /** Guild names are stored without surrounding blanks, so the length rule applies to what remains. */
    private static String strippedName(JsonInput input, String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) < 2) {
            input.error("name", "Must be between 2 and 100 characters long, not counting surrounding spaces");
            return null;
        }
        return stripped;
    }

    private static Principal principal(RoutingContext ctx) {
        return Authenticator.principal(ctx);
    }
}
