package io.parley.cluster;

import io.parley.cluster.ClusterNodes.Node;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three Parley processes on one PostgreSQL and one Valkey. Node a starts first, so it claims
 * the projections; the last test kills it with SIGKILL under load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    private static final int GUILDS = 1;
    private static final int GUILD_MESSAGES = 1 << 9;
    private static final int GUILD_PRESENCES = 1 << 8;
    private static final String PASSWORD = "correct horse battery";

    private static ClusterNodes cluster;
    private static Node a;
    private static Node b;
    private static Node c;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterNodes.start(3, Map.of("cluster.claim_timeout_ms", "3000", "cluster.claim_interval_ms", "500"));
        a = cluster.node(0);
        b = cluster.node(1);
        c = cluster.node(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aMessageSentOnOneNodeReachesSessionsOnTheOthers() {
        Account owner = a.api().register(PASSWORD);
        Guild guild = Guilds.create(a.api(), owner, "Cluster");
        Account onB = member(guild, owner, b.api());
        Account onC = member(guild, owner, c.api());
        try (GatewayClient clientB = connect(b, onB, GUILDS | GUILD_MESSAGES);
             GatewayClient clientC = connect(c, onC, GUILDS | GUILD_MESSAGES)) {
            String id = a.api().post(API + "/channels/" + guild.generalChannelId() + "/messages",
                    new JsonObject().put("content", "hello from a"), owner.token()).json().getString("id");
            assertEquals(id, clientB.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id"));
            assertEquals(id, clientC.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id"));
        }
    }

    @Test
    @Order(2)
    void presenceSetOnOneNodeIsSeenOnAnother() {
        Account owner = a.api().register(PASSWORD);
        Guild guild = Guilds.create(a.api(), owner, "Presence");
        Account watcher = member(guild, owner, c.api());
        try (GatewayClient watching = connect(c, watcher, GUILDS | GUILD_PRESENCES);
             GatewayClient setting = connect(a, owner, GUILDS)) {
            setting.send(new JsonObject().put("op", 3).put("d", new JsonObject().put("status", "dnd")
                    .put("activities", new io.vertx.core.json.JsonArray()).put("since", 0).put("afk", false)));
            JsonObject update = awaitPresence(watching, owner.id(), "dnd");
            assertEquals(guild.id(), update.getString("guild_id"));
        }
    }

    @Test
    @Order(2)
    void aStatusChangedInSettingsOnOneNodeIsThePresenceOfSessionsOnAnother() {
        Account owner = a.api().register(PASSWORD);
        Guild guild = Guilds.create(a.api(), owner, "Settings");
        Account watcher = member(guild, owner, c.api());
        try (GatewayClient watching = connect(c, watcher, GUILDS | GUILD_PRESENCES);
             GatewayClient setting = connect(a, owner, GUILDS)) {
            awaitPresence(watching, owner.id(), "online");
            b.api().patch(API + "/users/@me/settings", new JsonObject().put("status", "dnd"), owner.token());
            assertEquals("dnd", setting.dispatch("USER_SETTINGS_UPDATE").getJsonObject("d").getString("status"));
            assertEquals(guild.id(), awaitPresence(watching, owner.id(), "dnd").getString("guild_id"));
        }
    }

    @Test
    @Order(3)
    void aSessionResumedOnAnotherNodeGetsTheCurrentPresences() {
        Account owner = a.api().register(PASSWORD);
        Guild guild = Guilds.create(a.api(), owner, "Snapshot");
        Account watcher = member(guild, owner, b.api());
        try (GatewayClient setting = connect(a, owner, GUILDS)) {
            String sessionId;
            long seq = 0;
            try (GatewayClient first = GatewayClient.connect(b.port(), "v=10&encoding=json")) {
                first.next(5000);
                sessionId = first.identify(watcher.token(), GUILDS | GUILD_PRESENCES)
                        .getJsonObject("d").getString("session_id");
                seq = first.dispatch("GUILD_CREATE").getLong("s");
            }
            setting.send(new JsonObject().put("op", 3).put("d", new JsonObject().put("status", "dnd")
                    .put("activities", new io.vertx.core.json.JsonArray()).put("since", 0).put("afk", false)));
            try (GatewayClient resumed = GatewayClient.connect(c.port(), "v=10&encoding=json")) {
                resumed.next(5000);
                resumed.send(new JsonObject().put("op", 6).put("d", new JsonObject().put("token", watcher.token())
                        .put("session_id", sessionId).put("seq", seq)));
                resumed.dispatch("RESUMED");
                JsonObject update = awaitPresence(resumed, owner.id(), "dnd");
                assertEquals(guild.id(), update.getString("guild_id"));
            }
        }
    }

    @Test
    @Order(3)
    void aRateLimitBucketIsSharedByAllNodes() {
        Account account = a.api().register(PASSWORD);
        JsonObject login = new JsonObject().put("login", account.email()).put("password", PASSWORD);
        List<Integer> statuses = new ArrayList<>();
        for (Node node : List.of(a, a, b, b, c, c)) {
            statuses.add(node.api().post(API + "/auth/login", login, null).status());
        }
        // auth.rate_limits.login_per_account is 5 per 15 minutes, wherever the attempts land.
        assertEquals(List.of(200, 200, 200, 200, 200, 429), statuses);
    }

    @Test
    @Order(4)
    void whileValkeyIsDownNodesServeTheirOwnSessionsAndRecoverWhenItReturns() throws Exception {
        Account owner = a.api().register(PASSWORD);
        Guild guild = Guilds.create(a.api(), owner, "Outage");
        Account onB = member(guild, owner, b.api());
        String channel = API + "/channels/" + guild.generalChannelId();
        try (GatewayClient clientA = connect(a, owner, GUILDS | GUILD_MESSAGES | (1 << 11));
             GatewayClient clientB = connect(b, onB, GUILDS | GUILD_MESSAGES | (1 << 11))) {
            cluster.valkey.stopServer();
            await(() -> health(a).contains("\"valkey\":{\"status\":\"down\"}"), 10_000, "a notices Valkey is down");
            String during = a.api().post(channel + "/messages", new JsonObject().put("content", "during"),
                    owner.token()).json().getString("id");
            assertEquals(during, clientA.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id"), "local delivery");
            assertEquals(during, clientB.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id"),
                    "durable events still reach other nodes from the log");
            assertEquals(204, a.api().post(channel + "/typing", new JsonObject(), owner.token()).status());
            assertTrue(clientA.receives("TYPING_START", 3000), "typing on the same node");

            cluster.valkey.startServer();
            await(() -> health(a).contains("\"valkey\":{\"status\":\"up\"}")
                    && health(b).contains("\"valkey\":{\"status\":\"up\"}"), 15_000, "Valkey is back");
            // Pub/sub is re-subscribed: an ephemeral dispatch crosses nodes again.
            await(() -> {
                a.api().post(channel + "/typing", new JsonObject(), owner.token());
                return clientB.receives("TYPING_START", 1000);
            }, 15_000, "typing from a reaches b after Valkey returned");
        }
    }

    @Test
    @Order(4)
    void aReplayIsRefusedByANodeWithoutTheProjectionAndRunsOnTheNodeHoldingIt() throws Exception {
        ApiClient.Reply refused = admin(b, "POST", "messages");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("PROJECTION_HELD_ELSEWHERE", refused.errorCode());
        assertTrue(refused.json().getString("message").contains("node-a"), "names the node to ask: " + refused.body());
        assertEquals("idle", admin(b, "GET", "messages").json().getString("state"), "nothing started on b");

        ApiClient.Reply started = admin(a, "POST", "messages");
        assertEquals(202, started.status(), started.body());
        await(() -> List.of("done", "failed").contains(admin(a, "GET", "messages").json().getString("state")),
                60_000, "the replay on node a ended");
        ApiClient.Reply ended = admin(a, "GET", "messages");
        assertEquals("done", ended.json().getString("state"), ended.body());
        assertTrue(b.api().get("/metrics", null).body().contains("parley_valkey_up 1.0"), "Valkey's state is a metric");
    }

    private static ApiClient.Reply admin(Node node, String method, String projection) {
        try {
            String token = io.parley.admin.OperatorToken.read(node.log().getParent()).orElseThrow().getString("token");
            return node.api().send(method, "/_admin/replay/" + projection, null, "Bearer " + token);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(5)
    void killingANodeUnderLoadLosesNothing() throws Exception {
        Account owner = b.api().register(PASSWORD);
        Guild guild = Guilds.create(b.api(), owner, "Kill");
        List<Integer> fromA = List.of(a.port(), b.port(), c.port());
        List<ResumingClient> clients = new ArrayList<>();
        List<ResumingClient> onA = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Node home = i < 3 ? a : i < 5 ? b : c;
                Account member = member(guild, owner, b.api());
                List<Integer> ports = home == a ? fromA : List.of(home.port());
                ResumingClient client = new ResumingClient(member.token(), GUILDS | GUILD_MESSAGES, ports);
                clients.add(client);
                if (home == a) {
                    onA.add(client);
                }
            }
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
            long started = System.currentTimeMillis();
            boolean killed = false;
            for (int i = 0; i < 160; i++) {
                if (!killed && System.currentTimeMillis() - started > 2500) {
                    cluster.kill(a);
                    killed = true;
                }
                ApiClient.Reply reply = b.api().post(messages, new JsonObject().put("content", "m" + i), owner.token());
                if (reply.status() == 200) {
                    acknowledged.add(reply.json().getString("id"));
                }
                Thread.sleep(25);
            }
            assertTrue(killed);
            await(() -> clients.stream().allMatch(cl -> cl.hasAll(acknowledged) || !cl.problems().isEmpty()),
                    45_000, "every client has every acknowledged message");
            for (ResumingClient client : clients) {
                assertEquals(List.of(), client.problems());
                for (String id : acknowledged) {
                    assertEquals(1, client.messages().getOrDefault(id, 0), "message " + id + " exactly once");
                }
                assertTrue(client.messages().values().stream().allMatch(n -> n == 1), "no duplicates");
            }
            onA.forEach(client -> assertEquals(1, client.resumes(), "the clients of the dead node resumed"));
            // The projections node a held were taken over: history on c shows the last message.
            String last = acknowledged.get(acknowledged.size() - 1);
            await(() -> c.api().get(messages + "?limit=1", owner.token()).jsonArray().getJsonObject(0)
                    .getString("id").equals(last), 30_000, "the messages projection caught up on a surviving node");
        } finally {
            for (ResumingClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    @Order(6)
    void drainingANodeSendsReconnectToItsClientsAndToNewOnes() throws Exception {
        Account user = c.api().register(PASSWORD);
        try (GatewayClient connected = connect(c, user, GUILDS)) {
            ApiClient.Reply drain = c.api().post("/_health/drain", new JsonObject(), null);
            assertEquals(202, drain.status());
            assertTrue(drain.json().getBoolean("draining"));
            assertEquals(7, awaitOp(connected, 7).getInteger("op"));
            try (GatewayClient late = GatewayClient.connect(c.port(), "v=10&encoding=json")) {
                late.next(5000);
                late.send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", user.token())
                        .put("intents", GUILDS)));
                assertEquals(7, awaitOp(late, 7).getInteger("op"), "a drained node sends new sessions away");
            }
        }
    }

    private static JsonObject awaitOp(GatewayClient client, int op) {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject payload = client.next(deadline - System.currentTimeMillis());
            if (payload != null && payload.getInteger("op") == op) {
                return payload;
            }
        }
        throw new AssertionError("no op " + op + " within 5 s");
    }

    private static Account member(Guild guild, Account owner, ApiClient api) {
        Account member = api.register(PASSWORD);
        Guilds.join(api, member, guild, owner);
        return member;
    }

    private static GatewayClient connect(Node node, Account account, int intents) {
        GatewayClient client = GatewayClient.connect(node.port(), "v=10&encoding=json");
        client.next(5000);
        client.identify(account.token(), intents);
        return client;
    }

    private static JsonObject awaitPresence(GatewayClient client, String userId, String status) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject payload = client.next(deadline - System.currentTimeMillis());
            if (payload != null && "PRESENCE_UPDATE".equals(payload.getString("t"))) {
                JsonObject d = payload.getJsonObject("d");
                if (userId.equals(d.getJsonObject("user").getString("id")) && status.equals(d.getString("status"))) {
                    return d;
                }
            }
        }
        throw new AssertionError("no PRESENCE_UPDATE " + status + " for " + userId);
    }

    private static String health(Node node) {
        try {
            return cluster.health(node);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out: " + what);
    }
}
