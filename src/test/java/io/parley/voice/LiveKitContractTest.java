package io.parley.voice;

import io.parley.platform.config.ParleyConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Against a real LiveKit when PARLEY_TEST_LIVEKIT_URL is set (key/secret from PARLEY_TEST_LIVEKIT_KEY/SECRET or dev defaults). */
class LiveKitContractTest {
    @Test
    void roomServiceCallsAreAcceptedByARealLiveKit() throws Exception {
        String url = System.getenv("PARLEY_TEST_LIVEKIT_URL");
        if (url == null || url.isBlank()) {
            System.out.println("LiveKitContractTest skipped: PARLEY_TEST_LIVEKIT_URL is not set");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), "PARLEY_TEST_LIVEKIT_URL is not set");
        String key = System.getenv().getOrDefault("PARLEY_TEST_LIVEKIT_KEY", "devkey");
        String secret = System.getenv().getOrDefault("PARLEY_TEST_LIVEKIT_SECRET", "secret");
        LiveKitRooms rooms = new LiveKitRooms(new ParleyConfig.Voice(url, key, secret, 600, 5000, List.of()));
        rooms.deleteRoom(1, System.nanoTime() & 0xffff);
        rooms.removeParticipant(1, 2, "user_3_abc");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), rooms.identitiesOf(1, 2, 3), "no such room");
        rooms.updatePermissions(1, 2, "user_3_abc", VoicePermissions.of(io.parley.permission.Permission.of(
                io.parley.permission.Permission.CONNECT, io.parley.permission.Permission.SPEAK), true, false));
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            org.junit.jupiter.api.Assertions.assertTrue(new LiveKitHealth(vertx,
                    new ParleyConfig.Voice(url, key, secret, 600, 5000, List.of())).available()
                    .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS),
                    "LiveKit answers its health check");
        } finally {
            vertx.close();
        }
    }
}
