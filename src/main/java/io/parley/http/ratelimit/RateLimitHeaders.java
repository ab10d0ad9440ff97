package io.parley.http.ratelimit;

import io.vertx.core.http.HttpServerResponse;

import java.util.Locale;

/** Discord's X-RateLimit-* headers for one bucket's decision. */
public final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    public static void apply(HttpServerResponse response, RateDecision decision, String bucket) {
        apply(response, decision, bucket, "user");
    }

    /** {@code scope} of a refusal: "user" for the caller's own bucket, "global" for their all-route budget. */
    public static void apply(HttpServerResponse response, RateDecision decision, String bucket, String scope) {
        double resetAfter = RateLimitedException.seconds(decision.resetAfter().toMillis());
        double resetAt = System.currentTimeMillis() / 1000.0 + resetAfter;
        response.putHeader("X-RateLimit-Limit", Integer.toString(decision.limit()))
                .putHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()))
                .putHeader("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", resetAt))
                .putHeader("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter))
                .putHeader("X-RateLimit-Bucket", bucket);
        if (!decision.allowed()) {
            double retryAfter = RateLimitedException.seconds(decision.retryAfter().toMillis());
            response.putHeader("Retry-After", Long.toString((long) Math.ceil(retryAfter)))
                    .putHeader("X-RateLimit-Scope", scope);
        }
    }
}
