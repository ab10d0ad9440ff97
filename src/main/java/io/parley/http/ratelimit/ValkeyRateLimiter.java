package io.parley.http.ratelimit;

import io.parley.cluster.Valkey;
import io.parley.platform.config.RateLimit;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The same GCRA as {@link InMemoryRateLimiter}, kept in Valkey so every node draws from one
 * bucket: a Lua script reads and advances the "theoretical arrival time" atomically with
 * Valkey's clock. While Valkey is unreachable each node limits on its own (the local limiter),
 * so a client may get up to one bucket per node for that time.
 */
public final class ValkeyRateLimiter implements RateLimiter {
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local period = tonumber(ARGV[1])
            local interval = math.floor(period / tonumber(ARGV[2]))
            local tat = tonumber(redis.call('GET', KEYS[1])) or now
            if tat < now then tat = now end
            local nextTat = tat + interval
            local allowedFrom = nextTat - period
            if now < allowedFrom then
              return {0, 0, tat - now, allowedFrom - now}
            end
            redis.call('SET', KEYS[1], string.format('%.0f', nextTat), 'PX', math.ceil((nextTat - now) / 1000) + 1)
            return {1, math.floor((period - (nextTat - now)) / interval), nextTat - now, 0}
            """;
    private static final String SHA = sha1(SCRIPT);

    private final Valkey valkey;
    private final RateLimiter fallback;

    public ValkeyRateLimiter(Valkey valkey, RateLimiter fallback) {
        this.valkey = valkey;
        this.fallback = fallback;
    }

    @Override
    public Future<RateDecision> acquire(String key, RateLimit limit) {
        if (!valkey.up()) {
            return fallback.acquire(key, limit);
        }
        String redisKey = "parley:rl:" + key;
        String period = Long.toString(limit.period().toNanos() / 1000);
        String count = Integer.toString(limit.count());
        return valkey.send(Request.cmd(Command.EVALSHA).arg(SHA).arg(1).arg(redisKey).arg(period).arg(count))
                .recover(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")
                        ? valkey.send(Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg(redisKey).arg(period).arg(count))
                        : Future.failedFuture(e))
                .map(reply -> decision(reply, limit))
                .recover(e -> fallback.acquire(key, limit));
    }

    private static RateDecision decision(Response reply, RateLimit limit) {
        boolean allowed = reply.get(0).toLong() == 1;
        return new RateDecision(allowed, limit.count(), reply.get(1).toInteger(),
                Duration.ofNanos(reply.get(2).toLong() * 1000), Duration.ofNanos(reply.get(3).toLong() * 1000));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
