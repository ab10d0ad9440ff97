package io.parley.social;

import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.message.MessageQueries;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.social.ReadStateMessages.AckMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

import static io.parley.http.Handlers.async;

/** Acknowledging a message marks the channel read up to it; READY then reports unread mentions after it. */
public final class ReadStateRoutes implements RouteModule {
    private final GuildContext g;
    private final MessageQueries messages;

    public ReadStateRoutes(GuildContext g, MessageQueries messages) {
        this.g = g;
        this.messages = messages;
    }

    @Override
    public void mount(Router api) {
        api.post("/channels/:channelId/messages/:messageId/ack").handler(g.services().authenticator())
                .handler(async(this::ack));
    }

    private Future<?> ack(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        long userId = Authenticator.principal(ctx).userId();
        String id = ReadStateMessages.readStateId(userId);
        return g.access().channel(channelId, userId)
                .compose(access -> {
                    access.require(Permission.VIEW_CHANNEL);
                    return messages.message(messageId);
                })
                .compose(found -> {
                    if (found.filter(m -> m.channelId() == channelId).isEmpty()) {
                        throw new ApiException(ErrorCode.UNKNOWN_MESSAGE);
                    }
                    return g.services().commands().<Long>send(new AckMessage(id, userId, channelId, messageId,
                            Instant.now()));
                })
                .compose(version -> version == null ? Future.<Void>succeededFuture()
                        : g.caughtUp(ReadStateProjection.GROUP, id, version))
                .compose(v -> Replies.json(ctx, 200, new JsonObject().putNull("token")));
    }
}
