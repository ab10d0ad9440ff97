package io.parley.message;

import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.PathIds;
import io.parley.http.Query;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.message.MessageCommands.SetPinned;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import static io.parley.http.Handlers.async;

/** Pins: list, pin and unpin (PIN_MESSAGES or MANAGE_MESSAGES), at most the configured number per channel. */
public final class PinRoutes implements RouteModule {
    private final GuildContext g;
    private final MessageQueries messages;

    public PinRoutes(GuildContext g, MessageQueries messages) {
        this.g = g;
        this.messages = messages;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/channels/:channelId/pins").handler(auth).handler(async(this::list));
        api.get("/channels/:channelId/messages/pins").handler(auth).handler(async(this::page));
        for (String path : new String[]{"/channels/:channelId/pins/:messageId", "/channels/:channelId/messages/pins/:messageId"}) {
            api.put(path).handler(auth).handler(async(ctx -> pin(ctx, true)));
            api.delete(path).handler(auth).handler(async(ctx -> pin(ctx, false)));
        }
    }

    /** Discord's newer paged list: {@code {items: [{pinned_at, message}], has_more}}, newest pin first. */
    private Future<?> page(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long userId = Authenticator.principal(ctx).userId();
        int limit = Query.intIn(ctx, "limit", 1, 50, 50);
        OffsetDateTime before = before(ctx);
        return g.access().channel(channelId, userId).compose(access -> {
            access.require(Permission.READ_MESSAGE_HISTORY);
            return messages.pinsBefore(channelId, before, limit + 1);
        }).compose(pins -> {
            List<MessageQueries.Pin> shown = pins.subList(0, Math.min(limit, pins.size()));
            return messages.render(shown.stream().map(MessageQueries.Pin::message).toList(), userId).map(rendered -> {
                JsonArray items = new JsonArray();
                for (int i = 0; i < shown.size(); i++) {
                    items.add(new JsonObject().put("pinned_at", shown.get(i).pinnedAt().toInstant().toString())
                            .put("message", rendered.getJsonObject(i)));
                }
                return new JsonObject().put("items", items).put("has_more", pins.size() > limit);
            });
        }).compose(json -> Replies.json(ctx, 200, json));
    }

    private static OffsetDateTime before(RoutingContext ctx) {
        String raw = ctx.request().getParam("before");
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("before", "Must be an ISO 8601 timestamp");
        }
    }

    private Future<?> list(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().channel(channelId, userId).compose(access -> {
            access.require(Permission.READ_MESSAGE_HISTORY);
            return messages.pinned(channelId);
        }).compose(pinned -> messages.render(pinned, userId)).compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> pin(RoutingContext ctx, boolean pinned) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        long userId = Authenticator.principal(ctx).userId();
        int max = g.services().config().limits().pinsPerChannel();
        return g.access().channel(channelId, userId).compose(access -> {
            if (!Permission.has(access.permissions(), Permission.MANAGE_MESSAGES)) {
                access.require(Permission.PIN_MESSAGES);
            }
            return messages.message(messageId);
        }).compose(m -> {
            MessageRecord message = m.filter(x -> x.channelId() == channelId)
                    .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_MESSAGE));
            Future<Long> room = pinned && !message.pinned() ? messages.pinCount(channelId) : Future.succeededFuture(0L);
            return room.compose(count -> {
                if (count >= max) {
                    throw new ApiException(ErrorCode.MAX_PINS, ErrorCode.MAX_PINS.message() + " (" + max + ")");
                }
                return g.services().commands().<Long>send(new SetPinned(messageId, pinned, userId, Instant.now()));
            });
        }).compose(version -> g.caughtUp(MessageProjection.GROUP, messageId, version))
                .compose(v -> Replies.noContent(ctx));
    }
}
