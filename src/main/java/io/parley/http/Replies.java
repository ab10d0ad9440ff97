package io.parley.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every JSON reply goes through here so each carries Content-Type: application/json. */
public final class Replies {
    public static final String JSON = "application/json";

    private Replies() {
    }

    public static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
        return send(ctx, status, body.encode());
    }

    public static Future<Void> json(RoutingContext ctx, int status, JsonArray body) {
        return send(ctx, status, body.encode());
    }

    public static Future<Void> noContent(RoutingContext ctx) {
        return ctx.response().setStatusCode(204).end();
    }

    private static Future<Void> send(RoutingContext ctx, int status, String body) {
        return ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(body);
    }
}
