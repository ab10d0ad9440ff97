package io.parley.platform.config;

import java.time.Duration;

/** At most {@code count} requests per {@code period}. */
public record RateLimit(int count, Duration period) {
}
