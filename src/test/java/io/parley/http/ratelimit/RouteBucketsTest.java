package io.parley.http.ratelimit;

import io.parley.platform.config.ParleyConfig.RouteLimits;
import io.parley.platform.config.RateLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RouteBucketsTest {
    private static final RateLimit GLOBAL = new RateLimit(50, Duration.ofSeconds(1));
    private static final RateLimit DEFAULT = new RateLimit(50, Duration.ofSeconds(5));
    private static final RateLimit SENDS = new RateLimit(5, Duration.ofSeconds(5));
    private static final RateLimit REACTIONS = new RateLimit(1, Duration.ofMillis(250));
    private final RouteBuckets buckets = new RouteBuckets(new RouteLimits(GLOBAL, DEFAULT, SENDS, REACTIONS));

    @Test
    void sendingAMessageHasItsOwnBucket() {
        assertEquals(new RouteBuckets.Bucket("message_create", SENDS), buckets.of("POST", "/channels/:channelId/messages"));
        assertEquals(DEFAULT, buckets.of("GET", "/channels/:channelId/messages").limit(), "reading history is not sending");
    }

    @Test
    void addingAndRemovingReactionsShareOneBucket() {
        String own = "/channels/:channelId/messages/:messageId/reactions/:emoji/@me";
        assertEquals(new RouteBuckets.Bucket("reactions", REACTIONS), buckets.of("PUT", own));
        assertEquals(new RouteBuckets.Bucket("reactions", REACTIONS), buckets.of("DELETE", own));
        assertEquals(DEFAULT, buckets.of("GET", "/channels/:channelId/messages/:messageId/reactions/:emoji").limit());
    }

    @Test
    void everyOtherRouteHasAStableBucketOfItsOwn() {
        RouteBuckets.Bucket pins = buckets.of("GET", "/channels/:channelId/pins");
        assertEquals(pins, new RouteBuckets(new RouteLimits(GLOBAL, DEFAULT, SENDS, REACTIONS))
                .of("GET", "/channels/:channelId/pins"), "the same name on every node");
        assertNotEquals(pins.name(), buckets.of("PUT", "/channels/:channelId/pins/:messageId").name());
        assertEquals(16, pins.name().length());
    }

    @Test
    void bucketsAreKeptPerTopLevelResource() {
        assertEquals("channelId", RouteBuckets.majorParameter("/channels/:channelId/messages/:messageId"));
        assertEquals("guildId", RouteBuckets.majorParameter("/guilds/:guildId/members/:userId"));
        assertEquals("webhookId", RouteBuckets.majorParameter("/webhooks/:webhookId"));
        assertNull(RouteBuckets.majorParameter("/users/@me"));
    }
}
