package io.parley.gateway;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A revoked token takes its gateway sessions with it at once: logout and password change close them with 4004. */
@ExtendWith(SharedParley.class)
class GatewayRevocationTest {
    private static final String Q = "v=10&encoding=json";
    private static final String PASSWORD = "correct horse battery";
    private static final int GUILDS_AND_MESSAGES = 1 | (1 << 9);

    @Test
    void logoutClosesThatTokensSessionButNotAnotherTokensOfTheSameUser(TestParley parley) {
        ApiClient api = parley.client();
        Account owner = api.register(PASSWORD);
        Account member = api.register(PASSWORD);
        Guild guild = Guilds.create(api, owner, "Revocation");
        Guilds.join(api, member, guild, owner);
        String secondToken = login(api, member);
        int port = parley.node().httpPort();
        try (GatewayClient revoked = connect(port); GatewayClient kept = connect(port)) {
            String sessionId = revoked.identify(member.token(), GUILDS_AND_MESSAGES)
                    .getJsonObject("d").getString("session_id");
            long seq = revoked.dispatch("GUILD_CREATE").getLong("s");
            kept.identify(secondToken, GUILDS_AND_MESSAGES);
            kept.dispatch("GUILD_CREATE");

            assertEquals(204, api.post(API + "/auth/logout", null, member.token()).status());
            assertEquals((short) 4004, revoked.awaitClose(1000), "closed within 1 s of the logout");

            String id = send(api, owner, guild, "after logout");
            assertEquals(id, kept.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id"),
                    "the other token's session still receives the guild's messages");
            assertResumeRefused(port, member.token(), sessionId, seq);
            assertResumeRefused(port, secondToken, sessionId, seq);
        }
    }

    @Test
    void aPasswordChangeClosesEverySessionOfTheAccount(TestParley parley) {
        ApiClient api = parley.client();
        Account owner = api.register(PASSWORD);
        Account member = api.register(PASSWORD);
        Guild guild = Guilds.create(api, owner, "Password");
        Guilds.join(api, member, guild, owner);
        String secondToken = login(api, member);
        int port = parley.node().httpPort();
        try (GatewayClient one = connect(port); GatewayClient two = connect(port); GatewayClient watcher = connect(port)) {
            one.identify(member.token(), GUILDS_AND_MESSAGES);
            two.identify(secondToken, GUILDS_AND_MESSAGES);
            watcher.identify(owner.token(), GUILDS_AND_MESSAGES);
            watcher.dispatch("GUILD_CREATE");

            ApiClient.Reply changed = api.patch(API + "/users/@me", new JsonObject().put("password", PASSWORD)
                    .put("new_password", "a brand new passphrase"), member.token());
            assertEquals(200, changed.status(), changed.body());
            assertEquals((short) 4004, one.awaitClose(1000));
            assertEquals((short) 4004, two.awaitClose(1000));

            String newToken = changed.json().getString("token");
            try (GatewayClient fresh = connect(port)) {
                fresh.identify(newToken, GUILDS_AND_MESSAGES);
                fresh.dispatch("GUILD_CREATE");
                String id = send(api, owner, guild, "after the password change");
                assertEquals(id, fresh.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id"),
                        "the session of the new token is kept");
                assertEquals(id, watcher.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id"));
                assertTrue(!fresh.isClosed());
            }
        }
    }

    private static void assertResumeRefused(int port, String token, String sessionId, long seq) {
        try (GatewayClient resume = connect(port)) {
            resume.send(new JsonObject().put("op", 6).put("d", new JsonObject().put("token", token)
                    .put("session_id", sessionId).put("seq", seq)));
            JsonObject reply = resume.next(5000);
            assertEquals(9, reply == null ? null : reply.getInteger("op"), "op 9 INVALID_SESSION, got " + reply);
        }
    }

    private static GatewayClient connect(int port) {
        GatewayClient client = GatewayClient.connect(port, Q);
        assertEquals(10, client.next(5000).getInteger("op"));
        return client;
    }

    private static String login(ApiClient api, Account account) {
        ApiClient.Reply reply = api.post(API + "/auth/login", new JsonObject().put("login", account.email())
                .put("password", PASSWORD), null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    private static String send(ApiClient api, Account author, Guild guild, String content) {
        return api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                new JsonObject().put("content", content), author.token()).json().getString("id");
    }
}
