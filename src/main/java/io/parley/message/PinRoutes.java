package io.parley.message;

import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.message.MessageCommands.SetPinned;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

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
        api.put("/channels/:channelId/pins/:messageId").handler(auth).handler(async(ctx -> pin(ctx, true)));
        api.delete("/channels/:channelId/pins/:messageId").handler(auth).handler(async(ctx -> pin(ctx, false)));
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
