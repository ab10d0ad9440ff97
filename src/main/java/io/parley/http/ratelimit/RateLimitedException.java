package io.parley.http.ratelimit;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A 429 with Discord's body ({@code retry_after} in seconds) and its rate-limit headers. */
public final class RateLimitedException extends ApiException {
    private final RateDecision decision;
    private final String bucket;
    private final boolean global;

    public RateLimitedException(RateDecision decision, String bucket) {
        this(decision, bucket, false);
    }

    /** {@code global}: the caller's budget across all routes ran out, not this route's. */
    public RateLimitedException(RateDecision decision, String bucket, boolean global) {
        super(ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED.message(), List.of(), new JsonObject()
                .put("retry_after", seconds(decision.retryAfter().toMillis()))
                .put("global", global));
        this.decision = decision;
        this.bucket = bucket;
        this.global = global;
    }

    public boolean global() {
        return global;
    }

    public RateDecision decision() {
        return decision;
    }

    public String bucket() {
        return bucket;
    }

    static double seconds(long millis) {
        return Math.max(0.001, millis / 1000.0);
    }
}
