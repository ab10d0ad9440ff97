package io.parley.http.ratelimit;

import io.parley.platform.config.RateLimit;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Acquire from a bucket: on success the reply carries the bucket's X-RateLimit-* headers (the
 * last bucket checked wins); on refusal the request fails with a 429.
 */
public final class RateLimits {
    private RateLimits() {
    }

    public static Future<RateDecision> enforce(RoutingContext ctx, RateLimiter limiter, String bucket, String key,
                                               RateLimit limit) {
        return limiter.acquire(bucket + ':' + key, limit).compose(decision -> {
            if (!decision.allowed()) {
                return Future.failedFuture(new RateLimitedException(decision, bucket));
            }
            RateLimitHeaders.apply(ctx.response(), decision, bucket);
            return Future.succeededFuture(decision);
        });
    }
}
