package io.parley.http.ratelimit;

import io.parley.platform.config.RateLimit;
import io.vertx.core.Future;

/** Request budgets per key. In memory on a single node; shared through Valkey in a cluster. */
public interface RateLimiter {
    Future<RateDecision> acquire(String key, RateLimit limit);
}
