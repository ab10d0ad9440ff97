package io.parley.http.ratelimit;

import io.vertx.core.Future;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * The per-route and global limits of every authenticated API route, in one place: the
 * authenticator runs it once the caller is known. The route's bucket is kept per caller and
 * per top-level resource (the channel, guild or webhook in the path); the global one per caller
 * across all routes. Both are drawn at once; the reply carries the route bucket's headers, a
 * refusal is a 429 (the global one says so in its body and headers).
 */
public final class RouteRateLimits {
    private final RateLimiter limiter;
    private final RouteBuckets buckets;

    public RouteRateLimits(RateLimiter limiter, RouteBuckets buckets) {
        this.limiter = limiter;
        this.buckets = buckets;
    }

    /** Continues the request when both budgets allow it; fails it with a {@link RateLimitedException} otherwise. */
    public void enforce(RoutingContext ctx, long userId) {
        Route route = ctx.currentRoute();
        String template = route == null || route.getPath() == null ? ctx.normalizedPath() : route.getPath();
        RouteBuckets.Bucket bucket = buckets.of(ctx.request().method().name(), template);
        String major = RouteBuckets.majorParameter(template);
        String resource = major == null ? "-" : ctx.pathParam(major);
        Future<RateDecision> global = limiter.acquire("global:" + userId, buckets.global());
        Future<RateDecision> routed = limiter.acquire("route:" + bucket.name() + ':' + resource + ':' + userId,
                bucket.limit());
        Future.all(global, routed).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
            } else if (!global.result().allowed()) {
                ctx.fail(new RateLimitedException(global.result(), "global", true));
            } else if (!routed.result().allowed()) {
                ctx.fail(new RateLimitedException(routed.result(), bucket.name(), false));
            } else {
                RateLimitHeaders.apply(ctx.response(), routed.result(), bucket.name());
                ctx.next();
            }
        });
    }
}
