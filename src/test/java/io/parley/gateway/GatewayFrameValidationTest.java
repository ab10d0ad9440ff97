package io.parley.gateway;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every field of every client opcode is type-checked: a wrong one closes with 4002, before anything acts on it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayFrameValidationTest {
    private static final String Q = "v=10&encoding=json";
    private static final String PASSWORD = "correct horse battery";
    private static final String T = "\"TOKEN\"";
    private TestParley parley;

    /** A server of its own: the many IDENTIFYs here would eat a shared server's per-address IDENTIFY limit. */
    @BeforeAll
    void start() throws Exception {
        parley = TestParley.start(Files.createTempDirectory("parley-gw-frames-"), Map.of(
                "gateway.identify_per_ip", "100000/1m"));
    }

    @AfterAll
    void stop() throws Exception {
        parley.close();
    }

    /** Frames that are valid JSON with a known opcode but a field of the wrong type or with forbidden text. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"op\":1,\"d\":\"x\"}", "{\"op\":1,\"d\":{}}", "{\"op\":1,\"d\":-1}", "{\"op\":1,\"d\":1.5}",
            "{\"op\":2,\"d\":[]}", "{\"op\":2,\"d\":{\"token\":5}}", "{\"op\":2,\"d\":{\"token\":\"\"}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"large_threshold\":\"x\"}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"large_threshold\":1.5}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"intents\":\"513\"}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"compress\":\"no\"}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"properties\":\"linux\"}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"properties\":{\"os\":{\"x\":1}}}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"shard\":\"0,1\"}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"shard\":[\"0\",\"1\"]}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"presence\":\"online\"}}",
            "{\"op\":2,\"d\":{\"token\":" + T + ",\"presence\":{\"afk\":\"yes\"}}}",
            "{\"op\":2,\"d\":{\"token\":\"a\\u0000b\"}}",
            "{\"op\":3,\"d\":\"online\"}", "{\"op\":3,\"d\":{\"since\":\"now\"}}", "{\"op\":3,\"d\":{\"status\":1}}",
            "{\"op\":3,\"d\":{\"afk\":1}}", "{\"op\":3,\"d\":{\"activities\":{}}}",
            "{\"op\":3,\"d\":{\"activities\":[\"x\"]}}", "{\"op\":3,\"d\":{\"activities\":[{\"type\":0}]}}",
            "{\"op\":3,\"d\":{\"activities\":[{\"name\":\"a\\u0000\"}]}}",
            "{\"op\":3,\"d\":{\"activities\":[{\"name\":\"\\ud800\"}]}}",
            "{\"op\":3,\"d\":{\"activities\":[{\"name\":\"Custom Status\",\"type\":4,\"state\":\"\\u001b[31m\"}]}}",
            "{\"op\":3,\"d\":{\"activities\":[{\"name\":\"x\",\"emoji\":{\"name\":3}}]}}",
            "{\"op\":4,\"d\":null}", "{\"op\":4,\"d\":{\"guild_id\":1}}", "{\"op\":4,\"d\":{\"guild_id\":\"abc\"}}",
            "{\"op\":4,\"d\":{\"guild_id\":\"1\",\"channel_id\":2}}",
            "{\"op\":4,\"d\":{\"guild_id\":\"1\",\"channel_id\":null,\"self_mute\":\"true\"}}",
            "{\"op\":5,\"d\":7}",
            "{\"op\":6,\"d\":\"x\"}", "{\"op\":6,\"d\":{\"token\":" + T + ",\"session_id\":\"s\",\"seq\":\"1\"}}",
            "{\"op\":6,\"d\":{\"token\":" + T + ",\"session_id\":1,\"seq\":1}}",
            "{\"op\":6,\"d\":{\"token\":" + T + ",\"session_id\":\"s\",\"seq\":-1}}",
            "{\"op\":8,\"d\":[]}", "{\"op\":8,\"d\":{\"guild_id\":true,\"query\":\"\"}}",
            "{\"op\":8,\"d\":{\"guild_id\":[],\"query\":\"\"}}", "{\"op\":8,\"d\":{\"guild_id\":[\"x\"],\"query\":\"\"}}",
            "{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":5}}", "{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"\",\"limit\":\"9\"}}",
            "{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"\",\"presences\":1}}",
            "{\"op\":8,\"d\":{\"guild_id\":\"1\",\"user_ids\":[\"x\"]}}", "{\"op\":8,\"d\":{\"guild_id\":\"1\",\"user_ids\":{}}}",
            "{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"\",\"nonce\":5}}",
            "{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"\",\"nonce\":\"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn\"}}",
            "{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"a\\u0000\"}}", "{\"op\":8,\"d\":{\"guild_id\":\"1\"}}",
            "{\"op\":14,\"d\":\"x\"}", "{\"op\":14,\"d\":{\"guild_id\":5}}", "{\"op\":14,\"d\":{\"typing\":\"yes\"}}",
            "{\"op\":14,\"d\":{\"channels\":{\"1\":[[0,\"99\"]]}}}", "{\"op\":14,\"d\":{\"members\":[{}]}}",
    })
    void aWronglyTypedFieldClosesWithDecodeErrorAfterIdentify(String frame) {
        Account account = parley.client().register(PASSWORD);
        try (GatewayClient client = connect()) {
            client.identify(account.token(), 1);
            client.sendRaw(frame.replace("TOKEN", account.token()));
            assertEquals((short) 4002, client.awaitClose(), frame);
        }
    }

    @Test
    void aWronglyTypedFieldBeforeIdentifyIsADecodeErrorAndAWellTypedOneNotAuthenticated() {
        try (GatewayClient client = connect()) {
            client.sendRaw("{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"\",\"limit\":\"x\"}}");
            assertEquals((short) 4002, client.awaitClose());
        }
        try (GatewayClient client = connect()) {
            client.sendRaw("{\"op\":14,\"d\":{\"guild_id\":\"1\",\"channels\":{\"2\":[[0,99]]}}}");
            assertEquals((short) 4003, client.awaitClose());
        }
    }

    @Test
    void payloadsOf64KiBAndMoreAreDecodeErrorsToo() {
        for (int size : new int[] {64 * 1024, 70_000, 200_000}) {
            try (GatewayClient client = connect()) {
                client.sendRaw("{\"op\":1,\"d\":\"" + "x".repeat(size) + "\"}");
                assertEquals((short) 4002, client.awaitClose(), size + " bytes");
            }
        }
    }

    @Test
    void aNumericLargeThresholdAndValidFramesKeepTheSessionHealthy() {
        ApiClient api = parley.client();
        Account owner = api.register(PASSWORD);
        Account watcher = api.register(PASSWORD);
        Guild guild = Guilds.create(api, owner, "Frames");
        Guilds.join(api, watcher, guild, owner);
        try (GatewayClient watching = connect(); GatewayClient client = connect()) {
            watching.identify(watcher.token(), 1 | (1 << 8));
            watching.dispatch("GUILD_CREATE");
            client.send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", owner.token())
                    .put("intents", 1 | (1 << 1)).put("large_threshold", 100).put("compress", false)
                    .put("shard", new JsonArray().add(0).add(1))
                    .put("properties", new JsonObject().put("os", "linux").put("browser", "b").put("device", "d"))));
            client.dispatch("READY");
            client.dispatch("GUILD_CREATE");
            client.send(new JsonObject().put("op", 1).put("d", 3));
            assertEquals(11, client.next(5000).getInteger("op"));
            client.send(new JsonObject().put("op", 8).put("d", new JsonObject()
                    .put("guild_id", new JsonArray().add(guild.id())).put("user_ids", owner.id()).put("nonce", "n1")));
            assertEquals(null, client.awaitClose(1000), client.closeReason());
            JsonObject chunk = client.dispatch("GUILD_MEMBERS_CHUNK").getJsonObject("d");
            assertEquals("n1", chunk.getString("nonce"));
            assertEquals(owner.id(), chunk.getJsonArray("members").getJsonObject(0).getJsonObject("user").getString("id"));
            client.send(new JsonObject().put("op", 3).put("d", new JsonObject().put("status", "dnd").putNull("since")
                    .put("afk", false).put("activities", new JsonArray().add(new JsonObject().put("name", "Custom Status")
                            .put("type", 4).put("state", "in a meeting 🎧").put("secret", "not relayed")))));
            JsonObject presence = awaitPresence(watching, owner.id());
            JsonObject activity = presence.getJsonArray("activities").getJsonObject(0);
            assertEquals("in a meeting 🎧", activity.getString("state"));
            assertNull(activity.getValue("secret"), "only known activity fields are relayed");
            assertFalse(client.isClosed());
        }
    }

    private static JsonObject awaitPresence(GatewayClient client, String userId) {
        for (int i = 0; i < 20; i++) {
            JsonObject d = client.dispatch("PRESENCE_UPDATE").getJsonObject("d");
            if (userId.equals(d.getJsonObject("user").getString("id")) && "dnd".equals(d.getString("status"))) {
                return d;
            }
        }
        throw new AssertionError("no dnd PRESENCE_UPDATE for " + userId);
    }

    private GatewayClient connect() {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), Q);
        assertEquals(10, client.next(5000).getInteger("op"));
        return client;
    }
}
