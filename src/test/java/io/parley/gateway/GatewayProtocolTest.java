package io.parley.gateway;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's opcodes and close codes over real WebSocket connections. */
@ExtendWith(SharedParley.class)
class GatewayProtocolTest {
    private static final String Q = "v=10&encoding=json";
    private TestParley parley;
    private ApiClient api;
    private int port;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        port = parley.node().httpPort();
    }

    private GatewayClient connected() {
        GatewayClient client = GatewayClient.connect(port, Q);
        JsonObject hello = client.next(5000);
        assertEquals(10, hello.getInteger("op"));
        assertEquals(41250, hello.getJsonObject("d").getInteger("heartbeat_interval"));
        return client;
    }

    @Test
    void discoveryRoutesGiveAWebSocketUrlWithoutQuery() {
        Account account = api.register("correct horse battery");
        String url = api.get(API + "/gateway", null).json().getString("url");
        assertTrue(url.startsWith("ws://") && url.endsWith("/gateway") && !url.contains("?"), url);
        JsonObject bot = api.get(API + "/gateway/bot", account.token()).json();
        assertEquals(1, bot.getInteger("shards"));
        assertEquals(1, bot.getJsonObject("session_start_limit").getInteger("max_concurrency"));
        assertEquals(401, api.get(API + "/gateway/bot", null).status());
    }

    @Test
    void heartbeatsAreAcknowledgedAtOnce() {
        try (GatewayClient client = connected()) {
            client.send(new JsonObject().put("op", 1).putNull("d"));
            assertEquals(11, client.next(2000).getInteger("op"));
        }
    }

    @Test
    void identifyGivesReadyWithEveryContractField() {
        Account account = api.register("correct horse battery");
        try (GatewayClient client = connected()) {
            JsonObject ready = client.identify(account.token(), 513);
            assertEquals(1, ready.getInteger("s"));
            JsonObject d = ready.getJsonObject("d");
            assertEquals(account.id(), d.getJsonObject("user").getString("id"));
            assertNotNull(d.getString("session_id"));
            assertTrue(d.getString("resume_gateway_url").startsWith("ws://"));
            assertEquals(account.id(), d.getJsonObject("application").getString("id"), "users get their own id");
            assertEquals(10, d.getInteger("v"));
            for (String list : new String[]{"guilds", "private_channels", "relationships"}) {
                assertNotNull(d.getJsonArray(list), list);
            }
        }
    }

    @Test
    void aBadTokenIsAuthenticationFailed() {
        try (GatewayClient client = connected()) {
            client.send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", "nope").put("intents", 0)));
            assertEquals((short) 4004, client.awaitClose());
        }
    }

    @Test
    void anythingButHeartbeatBeforeIdentifyIsNotAuthenticated() {
        try (GatewayClient client = connected()) {
            client.send(new JsonObject().put("op", 3).put("d", new JsonObject()));
            assertEquals((short) 4003, client.awaitClose());
        }
    }

    @Test
    void unknownOpcodesAndUndecodablePayloadsCloseWithTheirCodes() {
        try (GatewayClient client = connected()) {
            client.send(new JsonObject().put("op", 99));
            assertEquals((short) 4001, client.awaitClose());
        }
        try (GatewayClient client = connected()) {
            client.sendRaw("{not json");
            assertEquals((short) 4002, client.awaitClose());
        }
        try (GatewayClient client = connected()) {
            client.sendRaw(new JsonObject().put("op", 1).put("d", "x".repeat(5000)).encode());
            assertEquals((short) 4002, client.awaitClose(), "payloads over 4096 bytes");
        }
        try (GatewayClient client = connected()) {
            client.sendBinary(new byte[]{0x78, (byte) 0x9c, 0x03, 0x00});
            assertEquals((short) 4002, client.awaitClose(), "compressed or binary client frames");
        }
    }

    @Test
    void identifyingTwiceIsAlreadyAuthenticated() {
        Account account = api.register("correct horse battery");
        try (GatewayClient client = connected()) {
            client.identify(account.token(), 1);
            client.send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", account.token())));
            assertEquals((short) 4005, client.awaitClose());
        }
    }

    @Test
    void unsupportedVersionsEncodingsIntentsAndShardsAreRefused() {
        try (GatewayClient client = GatewayClient.connect(port, "v=9&encoding=json")) {
            assertEquals((short) 4012, client.awaitClose());
        }
        try (GatewayClient client = GatewayClient.connect(port, "v=10&encoding=etf")) {
            assertEquals((short) 4002, client.awaitClose());
        }
        Account account = api.register("correct horse battery");
        try (GatewayClient client = connected()) {
            client.send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", account.token())
                    .put("intents", 1 << 30)));
            assertEquals((short) 4014, client.awaitClose());
        }
        try (GatewayClient client = connected()) {
            client.send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", account.token())
                    .put("intents", 1).put("shard", new io.vertx.core.json.JsonArray().add(1).add(2))));
            assertEquals((short) 4010, client.awaitClose());
        }
    }

    @Test
    void fluxersVersionOneIsAccepted() {
        Account account = api.register("correct horse battery");
        try (GatewayClient client = GatewayClient.connect(port, "v=1&encoding=json")) {
            client.next(5000);
            assertEquals(1, client.identify(account.token(), 1).getJsonObject("d").getInteger("v"));
        }
    }

    @Test
    void otherPathsAreNotUpgraded() {
        assertThrows(IllegalStateException.class, () -> GatewayClient.connect(port, "/elsewhere", Q, null).next(10));
    }

    @Test
    void zlibAndZstdStreamsDecodeToValidJsonPayloads() {
        Account account = api.register("correct horse battery");
        try (GatewayClient client = GatewayClient.connect(port, Q + "&compress=zlib-stream")) {
            assertEquals(10, client.next(5000).getInteger("op"), "HELLO, inflated");
            assertEquals(account.id(), client.identify(account.token(), 1).getJsonObject("d").getJsonObject("user")
                    .getString("id"));
            client.send(new JsonObject().put("op", 1).putNull("d"));
            assertEquals(11, client.next(2000).getInteger("op"), "the same stream keeps inflating");
        }
        try (GatewayClient client = GatewayClient.connect(port, Q + "&compress=zstd-stream")) {
            assertEquals(10, client.next(5000).getInteger("op"), "HELLO, zstd-decoded");
            assertEquals(account.id(), client.identify(account.token(), 1).getJsonObject("d").getJsonObject("user")
                    .getString("id"));
        }
        try (GatewayClient client = GatewayClient.connect(port, Q + "&compress=lz4")) {
            assertEquals((short) 4002, client.awaitClose());
        }
    }

    @Test
    void aResumeOfAnUnknownSessionIsAnInvalidSession() {
        Account account = api.register("correct horse battery");
        try (GatewayClient client = connected()) {
            client.send(new JsonObject().put("op", 6).put("d", new JsonObject().put("token", account.token())
                    .put("session_id", "no-such-session").put("seq", 1)));
            JsonObject invalid = client.next(5000);
            assertEquals(9, invalid.getInteger("op"));
            assertEquals(false, invalid.getBoolean("d"));
        }
    }
}
