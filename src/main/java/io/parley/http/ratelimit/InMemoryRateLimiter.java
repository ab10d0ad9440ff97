package io.parley.http.ratelimit;

import io.parley.platform.config.RateLimit;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * GCRA (a leaky bucket kept as one "theoretical arrival time" per key): {@code count}
 * requests may arrive at once, then one more every {@code period / count}.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    private static final int SWEEP_ABOVE = 50_000;
    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

    private final Map<String, Long> arrivalNanos = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final AtomicLong lastSweepNanos = new AtomicLong(Long.MIN_VALUE / 2);

    public InMemoryRateLimiter() {
        this(System::nanoTime);
    }

    public InMemoryRateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public Future<RateDecision> acquire(String key, RateLimit limit) {
        return Future.succeededFuture(decide(key, limit));
    }

    RateDecision decide(String key, RateLimit limit) {
        long now = nanoClock.getAsLong();
        long period = limit.period().toNanos();
        long interval = period / limit.count();
        RateDecision[] decision = new RateDecision[1];
        arrivalNanos.compute(key, (k, previous) -> {
            long tat = previous == null ? now : Math.max(previous, now);
            long next = tat + interval;
            long allowedFrom = next - period;
            if (now < allowedFrom) {
                decision[0] = new RateDecision(false, limit.count(), 0, Duration.ofNanos(tat - now),
                        Duration.ofNanos(allowedFrom - now));
                return previous;
            }
            int remaining = (int) Math.max(0, (period - (next - now)) / interval);
            decision[0] = new RateDecision(true, limit.count(), remaining, Duration.ofNanos(next - now), Duration.ZERO);
            return next;
        });
        long last = lastSweepNanos.get();
        if (arrivalNanos.size() > SWEEP_ABOVE && now - last > SWEEP_EVERY_NANOS && lastSweepNanos.compareAndSet(last, now)) {
            // at most once a second: with every route limited, many buckets are live at once
            arrivalNanos.values().removeIf(tat -> tat < now);
        }
        return decision[0];
    }
}
