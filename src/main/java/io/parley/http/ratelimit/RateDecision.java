package io.parley.http.ratelimit;

import java.time.Duration;

/** The outcome of one acquire: whether it was allowed and what the bucket looks like now. */
public record RateDecision(boolean allowed, int limit, int remaining, Duration resetAfter, Duration retryAfter) {
}
