package io.parley.webhook;

import io.parley.guild.GuildContext;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.http.ratelimit.RateLimits;
import io.parley.message.WebhookAuthor;
import io.parley.message.WebhookMessages;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.webhook.WebhookCommands.DeleteWebhook;
import io.parley.webhook.WebhookCommands.UpdateWebhook;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;

import static io.parley.http.Handlers.async;

/**
 * What a webhook's token allows, without an account: read, rename and delete the webhook,
 * execute it, and read, edit and delete its own messages. An unknown webhook is 404
 * UNKNOWN_WEBHOOK; a known one with a wrong token is 401 INVALID_WEBHOOK_TOKEN (Discord's 50027).
 */
public final class WebhookTokenRoutes implements RouteModule {
    private static final String BUCKET = "webhook";

    private final GuildContext g;
    private final WebhookQueries webhooks;
    private final WebhookMessages messages;

    public WebhookTokenRoutes(GuildContext g, WebhookQueries webhooks, WebhookMessages messages) {
        this.g = g;
        this.webhooks = webhooks;
        this.messages = messages;
    }

    /** Execution takes files like a send: the multipart body is read only once the token is checked. */
    @Override
    public List<String> uploadPaths() {
        return List.of("/webhooks/:webhookId/:token");
    }

    @Override
    public void mount(Router api) {
        api.get("/webhooks/:webhookId/:token").handler(async(this::get));
        api.patch("/webhooks/:webhookId/:token").handler(async(this::modify));
        api.delete("/webhooks/:webhookId/:token").handler(async(this::delete));
        api.post("/webhooks/:webhookId/:token").handler(async(this::execute));
        api.get("/webhooks/:webhookId/:token/messages/:messageId").handler(async(this::getMessage));
        api.patch("/webhooks/:webhookId/:token/messages/:messageId").handler(async(this::editMessage));
        api.delete("/webhooks/:webhookId/:token/messages/:messageId").handler(async(this::deleteMessage));
    }

    private Future<?> get(RoutingContext ctx) {
        return byToken(ctx).compose(webhook -> Replies.json(ctx, 200, webhook.toJson(false, null, null)));
    }

    /** {@code name} and {@code avatar} (null only); the channel cannot change with a token, as in Discord. */
    private Future<?> modify(RoutingContext ctx) {
        return byToken(ctx).compose(webhook -> {
            JsonInput input = JsonInput.of(ctx);
            String name = WebhookInput.name(input, "name", false);
            WebhookInput.avatar(input);
            if (input.raw("channel_id") != null) {
                input.error("channel_id", "The channel cannot be changed with the webhook's token");
            }
            input.done();
            String aggregate = GuildWebhooks.aggregateId(webhook.guildId());
            return g.services().commands().<Long>send(new UpdateWebhook(aggregate, webhook.id(), name, null,
                            webhook.id(), g.services().config().expressions().webhooksPerChannel(), Instant.now()))
                    .compose(version -> g.caughtUp(WebhookProjection.GROUP, aggregate, version))
                    .compose(v -> webhooks.webhook(webhook.id()))
                    .map(found -> found.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_WEBHOOK)));
        }).compose(webhook -> Replies.json(ctx, 200, webhook.toJson(false, null, null)));
    }

    private Future<?> delete(RoutingContext ctx) {
        return byToken(ctx).compose(webhook -> {
            String aggregate = GuildWebhooks.aggregateId(webhook.guildId());
            return g.services().commands().<Long>send(new DeleteWebhook(aggregate, webhook.id(), webhook.id(),
                            Instant.now()))
                    .compose(version -> g.caughtUp(WebhookProjection.GROUP, aggregate, version));
        }).compose(v -> Replies.noContent(ctx));
    }

    /** {@code ?wait=true} answers 200 with the message; otherwise 204 once it is accepted. */
    private Future<?> execute(RoutingContext ctx) {
        boolean wait = "true".equalsIgnoreCase(ctx.request().getParam("wait"));
        return byToken(ctx).compose(webhook -> RateLimits.enforce(ctx, g.services().rateLimiter(), BUCKET,
                Long.toString(webhook.id()), g.services().config().expressions().webhookExecute()).map(d -> webhook))
                .compose(webhook -> messages.post(ctx, webhook.guildId(), webhook.channelId(), input -> {
                    String username = WebhookInput.name(input, "username", false);
                    String avatarUrl = WebhookInput.avatarUrl(input);
                    return new WebhookAuthor(webhook.id(), username == null ? webhook.name() : username, avatarUrl);
                }))
                .compose(messageId -> wait
                        ? messages.render(messageId).compose(json -> Replies.json(ctx, 200, json))
                        : Replies.noContent(ctx));
    }

    private Future<?> getMessage(RoutingContext ctx) {
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        return byToken(ctx).compose(webhook -> messages.get(webhook.id(), messageId))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> editMessage(RoutingContext ctx) {
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        return byToken(ctx).compose(webhook -> messages.edit(webhook.id(), messageId, JsonInput.of(ctx)))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> deleteMessage(RoutingContext ctx) {
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        return byToken(ctx).compose(webhook -> messages.delete(webhook.id(), messageId))
                .compose(v -> Replies.noContent(ctx));
    }

    private Future<WebhookRecord> byToken(RoutingContext ctx) {
        long webhookId = PathIds.of(ctx, "webhookId", ErrorCode.UNKNOWN_WEBHOOK);
        String token = ctx.pathParam("token");
        return webhooks.webhook(webhookId).map(found -> {
            WebhookRecord webhook = found.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_WEBHOOK));
            if (!WebhookTokens.matches(token, webhook.tokenHash())) {
                throw new ApiException(ErrorCode.INVALID_WEBHOOK_TOKEN);
            }
            return webhook;
        });
    }
}
