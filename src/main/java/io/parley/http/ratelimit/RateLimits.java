package io.parley.http.ratelimit;

import io.parley.platform.config.RateLimit;
import io.vertx.core.Future;

/** Acquire from a bucket or fail the request with a 429. */
public final class RateLimits {
    private RateLimits() {
    }

    public static Future<RateDecision> enforce(RateLimiter limiter, String bucket, String key, RateLimit limit) {
        return limiter.acquire(bucket + ':' + key, limit).compose(decision -> decision.allowed()
                ? Future.succeededFuture(decision)
                : Future.failedFuture(new RateLimitedException(decision, bucket)));
    }
}
