package io.parley.cluster;

import io.parley.cluster.ClusterNodes.Node;
import io.parley.gateway.SessionCapOutcome;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes on one PostgreSQL and one Valkey: a revoked token's sessions close on the node
 * that holds them, and the per-user session cap counts the sessions of both nodes.
 */
class ClusterRevocationTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String Q = "v=10&encoding=json";
    private static final int GUILDS_AND_MESSAGES = 1 | (1 << 9);
    private static final int CAP = 10;

    private static ClusterNodes cluster;
    private static Node a;
    private static Node b;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterNodes.start(2, Map.of("gateway.sessions_per_user", Integer.toString(CAP),
                "gateway.identify_per_ip", "100000/1m", "gateway.identify_per_user", "100000/24h"));
        a = cluster.node(0);
        b = cluster.node(1);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLogoutOnOneNodeClosesTheTokensSessionOnAnother() {
        ApiClient api = a.api();
        Account owner = api.register(PASSWORD);
        Account member = api.register(PASSWORD);
        Guild guild = Guilds.create(api, owner, "Cluster revocation");
        Guilds.join(api, member, guild, owner);
        String secondToken = api.post(API + "/auth/login", new JsonObject().put("login", member.email())
                .put("password", PASSWORD), null).json().getString("token");
        try (GatewayClient revoked = connect(b); GatewayClient kept = connect(b)) {
            String sessionId = revoked.identify(member.token(), GUILDS_AND_MESSAGES)
                    .getJsonObject("d").getString("session_id");
            long seq = revoked.dispatch("GUILD_CREATE").getLong("s");
            kept.identify(secondToken, GUILDS_AND_MESSAGES);
            kept.dispatch("GUILD_CREATE");

            assertEquals(204, api.post(API + "/auth/logout", null, member.token()).status());
            assertEquals((short) 4004, revoked.awaitClose(1000), "closed on node b within 1 s of the logout on a");

            String id = api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                    new JsonObject().put("content", "after logout"), owner.token()).json().getString("id");
            assertEquals(id, kept.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id"));
            for (Node node : List.of(a, b)) {
                try (GatewayClient resume = connect(node)) {
                    resume.send(new JsonObject().put("op", 6).put("d", new JsonObject().put("token", secondToken)
                            .put("session_id", sessionId).put("seq", seq)));
                    JsonObject reply = resume.next(10_000);
                    assertEquals(9, reply == null ? null : reply.getInteger("op"), node.name() + ": " + reply);
                }
            }
        }
    }

    @Test
    void aPasswordChangeOnOneNodeClosesTheAccountsSessionsOnBoth() {
        Account member = a.api().register(PASSWORD);
        try (GatewayClient onA = connect(a); GatewayClient onB = connect(b)) {
            onA.identify(member.token(), 1);
            onB.identify(member.token(), 1);
            ApiClient.Reply changed = a.api().patch(API + "/users/@me", new JsonObject().put("password", PASSWORD)
                    .put("new_password", "a brand new passphrase"), member.token());
            assertEquals(200, changed.status(), changed.body());
            assertEquals((short) 4004, onA.awaitClose(1000));
            assertEquals((short) 4004, onB.awaitClose(1000));
            try (GatewayClient fresh = connect(b)) {
                fresh.identify(changed.json().getString("token"), 1);
            }
        }
    }

    @Test
    void parallelIdentifiesOnBothNodesGetExactlyTheCapOfReadys() {
        Account account = a.api().register(PASSWORD);
        List<GatewayClient> clients = new ArrayList<>();
        int[] next = {0};
        try {
            List<SessionCapOutcome> outcomes = SessionCapOutcome.identifyInParallel(account.token(), 30,
                    () -> GatewayClient.connect((next[0]++ % 2 == 0 ? a : b).port(), Q), clients);
            assertEquals(CAP, outcomes.stream().filter(o -> o == SessionCapOutcome.READY).count(), outcomes.toString());
            assertEquals(30 - CAP, outcomes.stream().filter(o -> o == SessionCapOutcome.CLOSED_4008).count(),
                    outcomes.toString());
        } finally {
            clients.forEach(GatewayClient::close);
        }
    }

    private static GatewayClient connect(Node node) {
        GatewayClient client = GatewayClient.connect(node.port(), Q);
        assertEquals(10, client.next(5000).getInteger("op"));
        return client;
    }
}
