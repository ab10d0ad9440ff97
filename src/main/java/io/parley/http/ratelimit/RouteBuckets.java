package io.parley.http.ratelimit;

import io.parley.platform.config.ParleyConfig.RouteLimits;
import io.parley.platform.config.RateLimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bucket table: which budget a route draws from. Message creation and reactions have
 * buckets of their own (as in Discord); every other route its own bucket of the default size.
 * A bucket's name is what {@code X-RateLimit-Bucket} carries: opaque and stable per route.
 */
public final class RouteBuckets {
    /** One budget: its name and size. */
    public record Bucket(String name, RateLimit limit) {
    }

    private final RouteLimits limits;
    private final Map<String, Bucket> byRoute = new ConcurrentHashMap<>();

    public RouteBuckets(RouteLimits limits) {
        this.limits = limits;
    }

    public RateLimit global() {
        return limits.global();
    }

    /** The bucket of a route, given its method and path template ({@code /channels/:channelId/messages}). */
    public Bucket of(String method, String template) {
        return byRoute.computeIfAbsent(method + ' ' + template, route -> {
            if (method.equals("POST") && template.equals("/channels/:channelId/messages")) {
                return new Bucket("message_create", limits.messageCreate());
            }
            if ((method.equals("PUT") || method.equals("DELETE")) && template.contains("/reactions")) {
                return new Bucket("reactions", limits.reactions());
            }
            return new Bucket(hash(route), limits.defaultRoute());
        });
    }

    /** The top-level resource a bucket is kept per (Discord's major parameter): channel, guild or webhook. */
    public static String majorParameter(String template) {
        for (String major : new String[]{"channelId", "guildId", "webhookId"}) {
            if (template.contains(":" + major)) {
                return major;
            }
        }
        return null;
    }

    private static String hash(String route) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(route.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
