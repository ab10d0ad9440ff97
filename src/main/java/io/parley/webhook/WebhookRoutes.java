package io.parley.webhook;

import io.parley.guild.ChannelActor;
import io.parley.guild.ChannelTypes;
import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.webhook.WebhookCommands.CreateWebhook;
import io.parley.webhook.WebhookCommands.DeleteWebhook;
import io.parley.webhook.WebhookCommands.UpdateWebhook;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;

import static io.parley.http.Handlers.async;

/**
 * Managing incoming webhooks as a member with MANAGE_WEBHOOKS in the webhook's channel (in the
 * guild, to list a guild's). Someone who cannot see the channel gets 404 UNKNOWN_WEBHOOK.
 */
public final class WebhookRoutes implements RouteModule {
    private final GuildContext g;
    private final WebhookQueries webhooks;

    public WebhookRoutes(GuildContext g, WebhookQueries webhooks) {
        this.g = g;
        this.webhooks = webhooks;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.post("/channels/:channelId/webhooks").handler(auth).handler(async(this::create));
        api.get("/channels/:channelId/webhooks").handler(auth).handler(async(this::ofChannel));
        api.get("/guilds/:guildId/webhooks").handler(auth).handler(async(this::ofGuild));
        api.get("/webhooks/:webhookId").handler(auth).handler(async(this::get));
        api.patch("/webhooks/:webhookId").handler(auth).handler(async(this::modify));
        api.delete("/webhooks/:webhookId").handler(auth).handler(async(this::delete));
    }

    /** Where clients reach the API (for the {@code url} of a new webhook): the base the request came to. */
    static String apiBase(RoutingContext ctx) {
        String path = ctx.request().path();
        int at = path.indexOf("/webhooks/") >= 0 ? path.indexOf("/webhooks/") : path.indexOf("/channels/");
        var authority = ctx.request().authority();
        String host = authority == null ? "localhost"
                : authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
        return ctx.request().scheme() + "://" + host + (at > 0 ? path.substring(0, at) : "");
    }

    private Future<?> create(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().channel(channelId, userId).compose(access -> {
            requireGuildText(access);
            access.require(Permission.MANAGE_WEBHOOKS);
            JsonInput input = JsonInput.of(ctx);
            String name = WebhookInput.name(input, "name", true);
            WebhookInput.avatar(input);
            input.done();
            long guildId = access.channel().guildId();
            long webhookId = g.services().snowflakes().next();
            String token = WebhookTokens.newToken();
            String aggregate = GuildWebhooks.aggregateId(guildId);
            return g.services().commands().<Long>send(new CreateWebhook(aggregate, guildId, webhookId, channelId, name,
                            userId, WebhookTokens.hash(token), g.services().config().expressions().webhooksPerChannel(),
                            Instant.now()))
                    .compose(version -> g.caughtUp(WebhookProjection.GROUP, aggregate, version))
                    .compose(v -> known(webhookId))
                    .compose(webhook -> Replies.json(ctx, 200, webhook.toJson(true, token, apiBase(ctx))));
        });
    }

    private Future<?> ofChannel(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        return g.access().channel(channelId, Authenticator.principal(ctx).userId()).compose(access -> {
            requireGuildText(access);
            access.require(Permission.MANAGE_WEBHOOKS);
            return webhooks.ofChannel(channelId);
        }).compose(list -> Replies.json(ctx, 200, array(list)));
    }

    private Future<?> ofGuild(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.MANAGE_WEBHOOKS);
            return webhooks.ofGuild(guildId);
        }).compose(list -> Replies.json(ctx, 200, array(list)));
    }

    private Future<?> get(RoutingContext ctx) {
        long webhookId = PathIds.of(ctx, "webhookId", ErrorCode.UNKNOWN_WEBHOOK);
        return managed(webhookId, Authenticator.principal(ctx).userId())
                .compose(webhook -> Replies.json(ctx, 200, webhook.toJson(true, null, null)));
    }

    /** {@code name}, {@code avatar} (null only) and {@code channel_id} (a text channel of the same guild). */
    private Future<?> modify(RoutingContext ctx) {
        long webhookId = PathIds.of(ctx, "webhookId", ErrorCode.UNKNOWN_WEBHOOK);
        long userId = Authenticator.principal(ctx).userId();
        return managed(webhookId, userId).compose(webhook -> {
            JsonInput input = JsonInput.of(ctx);
            String name = WebhookInput.name(input, "name", false);
            WebhookInput.avatar(input);
            Long channelId = input.snowflake("channel_id");
            input.done();
            Future<Void> target = channelId == null || channelId == webhook.channelId() ? Future.succeededFuture()
                    : g.access().channel(channelId, userId)
                    .recover(e -> Future.failedFuture(ApiException.invalid("channel_id", "Unknown channel")))
                    .map(access -> {
                        if (access.channel().guildId() != webhook.guildId()
                                || access.channel().type() != ChannelTypes.GUILD_TEXT) {
                            throw ApiException.invalid("channel_id", "Must be a text channel of the webhook's guild");
                        }
                        access.require(Permission.MANAGE_WEBHOOKS);
                        return null;
                    });
            String aggregate = GuildWebhooks.aggregateId(webhook.guildId());
            return target.compose(v -> g.services().commands().<Long>send(new UpdateWebhook(aggregate, webhookId, name,
                            channelId, userId, g.services().config().expressions().webhooksPerChannel(), Instant.now())))
                    .compose(version -> g.caughtUp(WebhookProjection.GROUP, aggregate, version))
                    .compose(v -> known(webhookId));
        }).compose(webhook -> Replies.json(ctx, 200, webhook.toJson(true, null, null)));
    }

    private Future<?> delete(RoutingContext ctx) {
        long webhookId = PathIds.of(ctx, "webhookId", ErrorCode.UNKNOWN_WEBHOOK);
        long userId = Authenticator.principal(ctx).userId();
        return managed(webhookId, userId).compose(webhook -> {
            String aggregate = GuildWebhooks.aggregateId(webhook.guildId());
            return g.services().commands().<Long>send(new DeleteWebhook(aggregate, webhookId, userId, Instant.now()))
                    .compose(version -> g.caughtUp(WebhookProjection.GROUP, aggregate, version));
        }).compose(v -> Replies.noContent(ctx));
    }

    /** The webhook, if the caller holds MANAGE_WEBHOOKS in its channel; 404 if they cannot see the channel. */
    private Future<WebhookRecord> managed(long webhookId, long userId) {
        return known(webhookId).compose(webhook -> g.access().channel(webhook.channelId(), userId)
                .recover(e -> Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_WEBHOOK)))
                .map(access -> {
                    if (!Permission.has(access.permissions(), Permission.VIEW_CHANNEL)) {
                        throw new ApiException(ErrorCode.UNKNOWN_WEBHOOK);
                    }
                    access.require(Permission.MANAGE_WEBHOOKS);
                    return webhook;
                }));
    }

    private Future<WebhookRecord> known(long webhookId) {
        return webhooks.webhook(webhookId).map(found -> found.orElseThrow(
                () -> new ApiException(ErrorCode.UNKNOWN_WEBHOOK)));
    }

    private static void requireGuildText(ChannelActor access) {
        if (access.channel().guildId() == 0) {
            throw new ApiException(ErrorCode.CANNOT_EXECUTE, "Webhooks belong to guild text channels");
        }
        if (access.channel().type() != ChannelTypes.GUILD_TEXT) {
            access.require(Permission.MANAGE_WEBHOOKS);
            throw new ApiException(ErrorCode.CANNOT_EXECUTE, "Webhooks belong to guild text channels");
        }
    }

    private static JsonArray array(List<WebhookRecord> list) {
        JsonArray array = new JsonArray();
        list.forEach(w -> array.add(w.toJson(true, null, null)));
        return array;
    }
}
