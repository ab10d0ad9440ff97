package io.parley.http;

import io.parley.gateway.Gateway;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /_health/drain}: op 7 RECONNECT to every gateway connection of this node (and to
 * any that identifies here afterwards), so clients resume on other nodes before this one stops.
 * Without {@code cluster.drain_token} only loopback callers may drain; with it, any caller
 * presenting {@code Authorization: Bearer <token>} (and no one else).
 */
public final class DrainRoute implements RouteModule {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private final Gateway gateway;
    private final Optional<String> token;

    public DrainRoute(Gateway gateway, Optional<String> token) {
        this.gateway = gateway;
        this.token = token;
    }

    @Override
    public void mount(Router router) {
        router.post("/_health/drain").handler(this::drain);
    }

    private void drain(RoutingContext ctx) {
        if (!allowed(ctx)) {
            ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED));
            return;
        }
        int connections = gateway.drain();
        Replies.json(ctx, 202, new JsonObject().put("draining", true).put("connections", connections));
    }

    private boolean allowed(RoutingContext ctx) {
        if (token.isPresent()) {
            String header = ctx.request().getHeader("Authorization");
            String expected = "Bearer " + token.get();
            return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8));
        }
        return ctx.request().remoteAddress() != null && LOOPBACK.contains(ctx.request().remoteAddress().host());
    }
}
