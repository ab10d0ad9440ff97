package io.parley.social;

import io.parley.http.ApiServices;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.social.PrivateChannelCommands.AddRecipient;
import io.parley.social.PrivateChannelCommands.OpenPrivateChannel;
import io.parley.social.PrivateChannelCommands.RemoveRecipient;
import io.parley.social.PrivateChannelCommands.RenameGroupDm;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static io.parley.http.Handlers.async;

/**
 * DMs and group DMs: open, list, read, rename, add and remove recipients, leave. Messages in
 * them go through the ordinary message routes; channel access knows about private channels.
 */
public final class PrivateChannelRoutes implements RouteModule {
    private final ApiServices services;
    private final SocialQueries queries;

    public PrivateChannelRoutes(ApiServices services, SocialQueries queries) {
        this.services = services;
        this.queries = queries;
    }

    @Override
    public void mount(Router api) {
        var auth = services.authenticator();
        api.get("/users/@me/channels").handler(auth).handler(async(this::list));
        api.post("/users/@me/channels").handler(auth).handler(async(this::open));
        api.put("/channels/:channelId/recipients/:userId").handler(auth).handler(async(this::addRecipient));
        api.delete("/channels/:channelId/recipients/:userId").handler(auth).handler(async(this::removeRecipient));
        // mounted before the guild channel routes (see ParleyNode), so a guild channel id falls through to them
        api.get("/channels/:channelId").handler(auth).handler(async(this::getOrNext));
        api.patch("/channels/:channelId").handler(auth).handler(async(this::renameOrNext));
        api.delete("/channels/:channelId").handler(auth).handler(async(this::leaveOrNext));
    }

    private Future<?> list(RoutingContext ctx) {
        return queries.privateChannels(Authenticator.principal(ctx).userId()).compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> open(RoutingContext ctx) {
        JsonInput input = JsonInput.of(ctx);
        long userId = Authenticator.principal(ctx).userId();
        List<Long> others = new ArrayList<>();
        if (input.has("recipient_id")) {
            Long id = input.snowflake("recipient_id");
            if (id != null) {
                others.add(id);
            }
        }
        JsonArray ids = input.array("recipients");
        for (int i = 0; ids != null && i < ids.size(); i++) {
            try {
                others.add(Long.parseLong(String.valueOf(ids.getValue(i))));
            } catch (NumberFormatException e) {
                input.error("recipients." + i, "Must be a snowflake");
            }
        }
        String name = input.optionalString("name", 1, 100);
        if (others.isEmpty() && input.errors().isEmpty()) {
            input.error("recipient_id", "A recipient is required");
        }
        input.done();
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(others));
        distinct.remove(userId);
        // Discord's clients open a 1:1 DM with {recipients: [id]} too; two or more others make a group
        boolean group = distinct.size() > 1;
        if (distinct.isEmpty()) {
            throw ApiException.invalid("recipient_id", "Cannot open a DM with yourself");
        }
        return requireUsers(distinct, userId, 0).compose(v -> group ? openGroup(userId, distinct, name)
                        : queries.existingDm(userId, distinct.get(0)).compose(existing -> existing
                                .map(Future::succeededFuture)
                                .orElseGet(() -> create(PrivateChannelJson.DM, null, List.of(userId, distinct.get(0)), null))))
                .compose(id -> queries.privateChannel(id, userId))
                .compose(json -> Replies.json(ctx, 200, json.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CHANNEL))));
    }

    private Future<Long> openGroup(long userId, List<Long> others, String name) {
        List<Long> all = new ArrayList<>();
        all.add(userId);
        all.addAll(others);
        return create(PrivateChannelJson.GROUP_DM, userId, all, name);
    }

    private Future<Long> create(int type, Long ownerId, List<Long> recipients, String name) {
        long channelId = services.snowflakes().next();
        return services.commands().send(new OpenPrivateChannel(channelId, type, ownerId, recipients, name,
                        services.config().limits().groupDmRecipients(), Instant.now()))
                .compose(v -> services.readYourWrites().await(PrivateChannelProjection.GROUP, channelId, 0))
                .map(v -> channelId);
    }

    /** Each user exists and neither blocks the caller nor is blocked by them. */
    private Future<Void> requireUsers(List<Long> userIds, long callerId, int index) {
        if (index >= userIds.size()) {
            return Future.succeededFuture();
        }
        long other = userIds.get(index);
        return queries.userExists(other).compose(exists -> {
            if (!exists) {
                throw new ApiException(ErrorCode.UNKNOWN_USER);
            }
            return queries.blockedBetween(callerId, other);
        }).compose(blocked -> {
            if (blocked) {
                throw new ApiException(ErrorCode.CANNOT_SEND_TO_USER);
            }
            return requireUsers(userIds, callerId, index + 1);
        });
    }

    private Future<?> addRecipient(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long target = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_USER);
        long userId = Authenticator.principal(ctx).userId();
        return requireUsers(List.of(target), userId, 0)
                .compose(v -> services.commands().<Long>send(new AddRecipient(channelId, userId, target,
                        services.config().limits().groupDmRecipients(), Instant.now())))
                .compose(version -> caughtUp(channelId, version))
                .compose(v -> Replies.noContent(ctx));
    }

    private Future<?> removeRecipient(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long target = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_USER);
        long userId = Authenticator.principal(ctx).userId();
        return services.commands().<Long>send(new RemoveRecipient(channelId, userId, target, Instant.now()))
                .compose(version -> caughtUp(channelId, version))
                .compose(v -> Replies.noContent(ctx));
    }

    private Future<?> getOrNext(RoutingContext ctx) {
        long userId = Authenticator.principal(ctx).userId();
        return privateChannelId(ctx).compose(id -> id == null ? next(ctx)
                : queries.privateChannel(id, userId).compose(json -> json.isEmpty() ? next(ctx)
                        : Replies.json(ctx, 200, json.get())));
    }

    private Future<?> renameOrNext(RoutingContext ctx) {
        long userId = Authenticator.principal(ctx).userId();
        return privateChannelId(ctx).compose(id -> {
            if (id == null) {
                return next(ctx);
            }
            JsonInput input = JsonInput.of(ctx);
            String name = input.optionalString("name", 0, 100);
            input.done();
            return services.commands().<Long>send(new RenameGroupDm(id, userId,
                            name == null || name.isEmpty() ? null : name, Instant.now()))
                    .compose(version -> caughtUp(id, version))
                    .compose(v -> queries.privateChannel(id, userId))
                    .compose(json -> Replies.json(ctx, 200, json.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CHANNEL))));
        });
    }

    /** Discord's "close DM": leaving a group DM; for a 1:1 DM there is nothing durable to change. */
    private Future<?> leaveOrNext(RoutingContext ctx) {
        long userId = Authenticator.principal(ctx).userId();
        return privateChannelId(ctx).compose(id -> {
            if (id == null) {
                return next(ctx);
            }
            return queries.privateChannel(id, userId).compose(json -> {
                JsonObject channel = json.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CHANNEL));
                if (channel.getInteger("type") != PrivateChannelJson.GROUP_DM) {
                    return Replies.json(ctx, 200, channel);
                }
                return services.commands().<Long>send(new RemoveRecipient(id, userId, userId, Instant.now()))
                        .compose(version -> caughtUp(id, version))
                        .compose(v -> Replies.json(ctx, 200, channel));
            });
        });
    }

    /** The path's channel id when it names a private channel, null otherwise (a guild channel or garbage). */
    private Future<Long> privateChannelId(RoutingContext ctx) {
        long channelId;
        try {
            channelId = Long.parseLong(ctx.pathParam("channelId"));
        } catch (NumberFormatException e) {
            return Future.succeededFuture(null);
        }
        return queries.recipients(channelId).map(list -> list.isEmpty() ? null : channelId);
    }

    private static Future<Void> next(RoutingContext ctx) {
        ctx.next();
        return Future.succeededFuture();
    }

    private Future<Void> caughtUp(long channelId, Long version) {
        return version == null ? Future.succeededFuture()
                : services.readYourWrites().await(PrivateChannelProjection.GROUP, channelId, version);
    }
}
