package io.parley.http.ratelimit;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * REST rate limits as a client meets them, on a server of its own whose limits bite (the shared
 * test server raises them). Message sends keep Discord's 5 per channel per account, but per hour
 * instead of per 5 s (likewise the other buckets) so a slow machine cannot refill a bucket
 * mid-test; the global budget is 40, small enough to spend.
 */
class RateLimitHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private static final List<String> BUCKET_HEADERS = List.of("X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket");
    private static TestParley parley;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        parley = TestParley.start(Files.createTempDirectory("parley-ratelimit-"), Map.of(
                "http.rate_limits.global", "40/1h",
                "http.rate_limits.default", "1000/1h",
                "http.rate_limits.message_create", "5/1h",
                "http.rate_limits.reactions", "1/1h"));
        api = parley.client();
    }

    @AfterAll
    static void stop() throws Exception {
        parley.close();
    }

    @Test
    void theSixthMessageInAChannelIsA429WithEveryHeaderAndBodyField() {
        Account sender = api.register(PASSWORD);
        Guild guild = Guilds.create(api, sender, "limits");
        String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
        for (int i = 0; i < 5; i++) {
            Reply sent = api.post(messages, new JsonObject().put("content", "m" + i), sender.token());
            assertEquals(200, sent.status(), sent.body());
            assertBucketHeaders(sent);
            assertEquals("5", sent.header("X-RateLimit-Limit"));
            assertEquals(Integer.toString(4 - i), sent.header("X-RateLimit-Remaining"));
            assertEquals("message_create", sent.header("X-RateLimit-Bucket"));
        }
        Reply refused = api.post(messages, new JsonObject().put("content", "one too many"), sender.token());
        assertEquals(429, refused.status(), refused.body());
        assertBucketHeaders(refused);
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
        assertEquals("message_create", refused.header("X-RateLimit-Bucket"));
        assertEquals("false", refused.header("X-RateLimit-Global"));
        assertEquals("user", refused.header("X-RateLimit-Scope"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
        JsonObject body = refused.json();
        assertEquals("RATE_LIMITED", body.getString("code"));
        assertNotNull(body.getString("message"));
        assertTrue(body.getDouble("retry_after") > 0, body.encode());
        assertEquals(false, body.getBoolean("global"));
        Reply history = api.get(messages + "?limit=10", sender.token());
        assertEquals(5, history.jsonArray().size(), "the refused message was not posted");
    }

    @Test
    void eachChannelHasABucketOfItsOwn() {
        Account sender = api.register(PASSWORD);
        Guild guild = Guilds.create(api, sender, "two channels");
        String other = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", "other"),
                sender.token()).json().getString("id");
        String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.post(messages, new JsonObject().put("content", "m" + i), sender.token()).status());
        }
        assertEquals(429, api.post(messages, new JsonObject().put("content", "full"), sender.token()).status());
        Reply elsewhere = api.post(API + "/channels/" + other + "/messages", new JsonObject().put("content", "fresh"),
                sender.token());
        assertEquals(200, elsewhere.status(), elsewhere.body());
        assertEquals("4", elsewhere.header("X-RateLimit-Remaining"));
        Account another = api.register(PASSWORD);
        Guilds.join(api, another, guild, sender);
        Reply otherAccount = api.post(messages, new JsonObject().put("content", "mine"), another.token());
        assertEquals(200, otherAccount.status(), "buckets are per account too: " + otherAccount.body());
    }

    @Test
    void everyLimitedRouteAnswersWithItsBucketHeaders() {
        Account caller = api.register(PASSWORD);
        Reply me = api.get(API + "/users/@me", caller.token());
        assertEquals(200, me.status(), me.body());
        assertBucketHeaders(me);
        assertEquals("1000", me.header("X-RateLimit-Limit"));
        Reply guilds = api.get(API + "/users/@me/guilds", caller.token());
        assertBucketHeaders(guilds);
        assertTrue(!me.header("X-RateLimit-Bucket").equals(guilds.header("X-RateLimit-Bucket")),
                "each route has its own bucket");
    }

    @Test
    void reactionsHaveTheirOwnTighterBucket() {
        Account reactor = api.register(PASSWORD);
        Guild guild = Guilds.create(api, reactor, "reactions");
        String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
        String message = api.post(messages, new JsonObject().put("content", "react"), reactor.token()).json().getString("id");
        String reactions = messages + "/" + message + "/reactions/";
        Reply first = api.put(reactions + "%F0%9F%91%8D/@me", null, reactor.token());
        assertEquals(204, first.status(), first.body());
        assertEquals("reactions", first.header("X-RateLimit-Bucket"));
        Reply second = api.put(reactions + "%F0%9F%8E%89/@me", null, reactor.token());
        assertEquals(429, second.status(), second.body());
        assertEquals("reactions", second.header("X-RateLimit-Bucket"));
    }

    @Test
    void theGlobalBudgetCoversEveryRouteTogether() {
        Account caller = api.register(PASSWORD);
        Reply last = null;
        int allowed = 0;
        for (int i = 0; i < 41 && (last == null || last.status() == 200); i++) {
            last = api.get(API + (i % 2 == 0 ? "/users/@me" : "/users/@me/guilds"), caller.token());
            if (last.status() == 200) {
                allowed++;
            }
        }
        assertEquals(40, allowed, "40 requests across routes");
        assertEquals(429, last.status(), last.body());
        assertEquals("true", last.header("X-RateLimit-Global"));
        assertEquals("global", last.header("X-RateLimit-Scope"));
        assertNotNull(last.header("Retry-After"));
        assertEquals(true, last.json().getBoolean("global"));
        assertEquals("RATE_LIMITED", last.json().getString("code"));
        Account fresh = api.register(PASSWORD);
        assertEquals(200, api.get(API + "/users/@me", fresh.token()).status(), "the budget is per account");
    }

    private static void assertBucketHeaders(Reply reply) {
        for (String header : BUCKET_HEADERS) {
            assertNotNull(reply.header(header), header + " missing on " + reply.status());
        }
        assertTrue(Double.parseDouble(reply.header("X-RateLimit-Reset-After")) > 0);
        assertTrue(Double.parseDouble(reply.header("X-RateLimit-Reset")) > System.currentTimeMillis() / 1000.0 - 5);
    }
}
