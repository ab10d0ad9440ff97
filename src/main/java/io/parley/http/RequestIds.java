package io.parley.http;

import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.ThreadLocalRandom;

/** A short random id per request, echoed as X-Request-Id and named in logs and 500 bodies. */
public final class RequestIds {
    private static final String KEY = "parley.requestId";

    private RequestIds() {
    }

    public static void assign(RoutingContext ctx) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        ctx.put(KEY, id);
        ctx.response().putHeader("X-Request-Id", id);
        ctx.next();
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "-" : id;
    }
}
