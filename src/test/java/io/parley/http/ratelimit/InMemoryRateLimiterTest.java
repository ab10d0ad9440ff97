package io.parley.http.ratelimit;

import io.parley.platform.config.RateLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryRateLimiterTest {
    private static final RateLimit FIVE_PER_MINUTE = new RateLimit(5, Duration.ofMinutes(1));
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(nanos::get);

    @Test
    void aFullBurstIsAllowedThenRefused() {
        for (int i = 4; i >= 0; i--) {
            RateDecision decision = limiter.decide("k", FIVE_PER_MINUTE);
            assertTrue(decision.allowed());
            assertEquals(i, decision.remaining());
        }
        RateDecision refused = limiter.decide("k", FIVE_PER_MINUTE);
        assertFalse(refused.allowed());
        assertEquals(Duration.ofSeconds(12), refused.retryAfter(), "one slot frees every period/count");
    }

    @Test
    void slotsComeBackOverTime() {
        for (int i = 0; i < 5; i++) {
            limiter.decide("k", FIVE_PER_MINUTE);
        }
        nanos.addAndGet(Duration.ofSeconds(12).toNanos());
        assertTrue(limiter.decide("k", FIVE_PER_MINUTE).allowed());
        assertFalse(limiter.decide("k", FIVE_PER_MINUTE).allowed());
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 5; i++) {
            limiter.decide("a", FIVE_PER_MINUTE);
        }
        assertFalse(limiter.decide("a", FIVE_PER_MINUTE).allowed());
        assertTrue(limiter.decide("b", FIVE_PER_MINUTE).allowed());
    }
}
