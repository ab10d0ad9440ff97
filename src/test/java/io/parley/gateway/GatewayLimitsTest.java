package io.parley.gateway;

import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Per-connection limits, on a server configured with small ones so each can be hit quickly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayLimitsTest {
    private static final String Q = "v=10&encoding=json";
    private TestParley parley;
    private int port;

    @BeforeAll
    void start() throws Exception {
        parley = TestParley.start(Files.createTempDirectory("parley-gw-limits-"), Map.of(
                "gateway.heartbeat_timeout_ms", "1500",
                "gateway.identify_timeout_ms", "800",
                "gateway.send_limit", "5/1m",
                "gateway.sessions_per_user", "2",
                "gateway.identify_per_ip", "1000/1m",
                "gateway.identify_per_user", "4/24h",
                "gateway.allowed_origins", "https://chat.example.org"));
        port = parley.node().httpPort();
    }

    @AfterAll
    void stop() throws Exception {
        parley.close();
    }

    private GatewayClient connected() {
        GatewayClient client = GatewayClient.connect(port, Q);
        client.next(5000);
        return client;
    }

    @Test
    void aSessionWithoutHeartbeatsIsClosedAsTimedOut() {
        Account account = parley.client().register("correct horse battery");
        try (GatewayClient client = connected()) {
            client.identify(account.token(), 1);
            assertEquals((short) 4009, client.awaitClose());
        }
    }

    @Test
    void aConnectionThatNeverIdentifiesIsClosed() {
        try (GatewayClient client = connected()) {
            assertEquals((short) 4003, client.awaitClose());
        }
    }

    @Test
    void tooManyPayloadsAreRateLimitedButHeartbeatsAreExempt() {
        try (GatewayClient client = connected()) {
            for (int i = 0; i < 20; i++) {
                client.send(new JsonObject().put("op", 1).putNull("d"));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(11, client.next(2000).getInteger("op"));
            }
            for (int i = 0; i < 6; i++) {
                client.send(new JsonObject().put("op", 3).put("d", new JsonObject()));
            }
            assertEquals((short) 4003, client.awaitClose(), "presence before IDENTIFY, within the limit");
        }
        try (GatewayClient client = connected()) {
            for (int i = 0; i < 6; i++) {
                client.send(new JsonObject().put("op", 6).put("d", "x"));
            }
            assertEquals((short) 4002, client.awaitClose());
        }
    }

    @Test
    void theSixthPayloadInAMinuteClosesWithRateLimited() {
        Account account = parley.client().register("correct horse battery");
        try (GatewayClient client = connected()) {
            client.identify(account.token(), 1);
            for (int i = 0; i < 6; i++) {
                client.send(new JsonObject().put("op", 3).put("d", new JsonObject().put("status", "online")));
            }
            assertEquals((short) 4008, client.awaitClose());
        }
    }

    @Test
    void aUserHasAtMostTheConfiguredSessions() {
        Account account = parley.client().register("correct horse battery");
        try (GatewayClient one = connected(); GatewayClient two = connected(); GatewayClient three = connected()) {
            one.identify(account.token(), 1);
            two.identify(account.token(), 1);
            three.send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", account.token())
                    .put("intents", 1)));
            assertEquals((short) 4008, three.awaitClose());
        }
    }

    @Test
    void identifyingTooOftenIsRateLimited() {
        Account account = parley.client().register("correct horse battery");
        for (int i = 0; i < 4; i++) {
            try (GatewayClient client = connected()) {
                client.identify(account.token(), 1);
            }
        }
        try (GatewayClient client = connected()) {
            client.send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", account.token())
                    .put("intents", 1)));
            assertEquals((short) 4008, client.awaitClose(), "the fifth IDENTIFY of the day");
        }
    }

    @Test
    void originsOutsideTheAllowListAreRefused() {
        assertThrows(IllegalStateException.class,
                () -> GatewayClient.connect(port, "/gateway", Q, "https://evil.example").next(10));
        try (GatewayClient allowed = GatewayClient.connect(port, "/gateway", Q, "https://chat.example.org")) {
            assertEquals(10, allowed.next(5000).getInteger("op"));
        }
    }

    @Test
    void gracefulShutdownAsksEveryConnectionToReconnect() throws Exception {
        TestParley leaving = TestParley.start(Files.createTempDirectory("parley-gw-drain-"), Map.of());
        Account account = leaving.client().register("correct horse battery");
        GatewayClient client = GatewayClient.connect(leaving.node().httpPort(), Q);
        client.next(5000);
        client.identify(account.token(), 1);
        leaving.close();
        boolean reconnect = false;
        for (JsonObject p = client.next(3000); p != null && !reconnect; p = client.next(3000)) {
            reconnect = p.getInteger("op") == 7;
        }
        client.close();
        assertEquals(true, reconnect, "op 7 RECONNECT before the node went away");
    }
}
