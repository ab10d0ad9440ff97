package io.parley.gateway;

import io.parley.http.ApiServices;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /gateway} and {@code GET /gateway/bot}: where to connect, as discord.js and Fluxer clients ask. */
public final class GatewayRoutes implements RouteModule {
    private static final int SESSION_STARTS_PER_DAY = 1000;

    private final ApiServices services;

    public GatewayRoutes(ApiServices services) {
        this.services = services;
    }

    @Override
    public void mount(Router api) {
        api.get("/gateway").handler(ctx -> Replies.json(ctx, 200, new JsonObject().put("url", url(ctx))));
        api.get("/gateway/bot").handler(services.authenticator()).handler(ctx -> Replies.json(ctx, 200, new JsonObject()
                .put("url", url(ctx))
                .put("shards", 1)
                .put("session_start_limit", new JsonObject().put("total", SESSION_STARTS_PER_DAY)
                        .put("remaining", SESSION_STARTS_PER_DAY).put("reset_after", 86_400_000)
                        .put("max_concurrency", 1))));
    }

    private String url(RoutingContext ctx) {
        return url(services.config().gateway(), ctx);
    }

    /** gateway.public_url, or the gateway at the request's own host. */
    static String url(io.parley.platform.config.ParleyConfig.Gateway gateway, RoutingContext ctx) {
        return gateway.publicUrl().orElseGet(() -> {
            var authority = ctx.request().authority();
            return "ws://" + (authority == null ? "localhost" : authority.host() + ":" + authority.port()) + Gateway.PATH;
        });
    }
}
