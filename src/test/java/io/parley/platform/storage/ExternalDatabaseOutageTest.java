package io.parley.platform.storage;

import io.parley.platform.config.ParleyConfig;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database Parley does not own (db.url set) that goes away: Parley answers 503 and waits
 * without starting anything, reconnects when the server returns, and gives up (its exit) when
 * it stays away past db.unavailable_exit_after_ms.
 */
class ExternalDatabaseOutageTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void parleyReconnectsWhenAnExternalDatabaseReturnsAndGivesUpWhenItDoesNot(@TempDir Path dir) throws Exception {
        int dbPort = freePort();
        ParleyConfig.Embedded external = new ParleyConfig.Embedded(dbPort, false, false, 30, 128, 4096);
        Path dbDir = dir.resolve("external");
        EmbeddedPostgresServer database = EmbeddedPostgresServer.start(dbDir, external);
        Map<String, String> config = Map.of("db.url", "postgresql://postgres:postgres@127.0.0.1:" + dbPort + "/postgres",
                "db.health_check_interval_ms", "200");
        try {
            AtomicInteger lost = new AtomicInteger();
            try (TestParley parley = TestParley.start(dir.resolve("a"), with(config, "60000"), lost::incrementAndGet)) {
                ApiClient api = parley.client();
                Account owner = api.register(PASSWORD);
                String messages = API + "/channels/" + Guilds.create(api, owner, "External").generalChannelId()
                        + "/messages";

                database.close();
                ApiClient.Reply refused = await(() -> send(api, messages, owner, "while away"), r -> r.status() == 503);
                assertEquals("DATABASE_UNAVAILABLE", refused.errorCode());
                assertNotNull(refused.header("Retry-After"));
                ApiClient.Reply down = await(() -> api.get("/_health", null), r -> r.status() == 503);
                assertEquals("down", down.json().getJsonObject("checks").getJsonObject("postgres").getString("status"));

                database = EmbeddedPostgresServer.start(dbDir, external);
                ApiClient.Reply up = await(() -> api.get("/_health", null), r -> r.status() == 200);
                assertEquals(0, up.json().getJsonObject("checks").getJsonObject("postgres").getInteger("restarts"),
                        "Parley starts nothing for a database it does not own");
                ApiClient.Reply sent = await(() -> send(api, messages, owner, "back"), r -> r.status() == 200);
                assertEquals("back", api.get(messages + "/" + sent.json().getString("id"), owner.token())
                        .json().getString("content"));
                assertEquals(0, lost.get(), "a short outage is waited out");
            }

            CountDownLatch gaveUp = new CountDownLatch(1);
            try (TestParley parley = TestParley.start(dir.resolve("b"), with(config, "1500"), gaveUp::countDown)) {
                assertEquals(200, parley.client().get("/_health", null).status());
                database.close();
                assertTrue(gaveUp.await(60, TimeUnit.SECONDS), "the node gives up once the database stays away");
                database = EmbeddedPostgresServer.start(dbDir, external); // so the node stops cleanly
            }
        } finally {
            database.close();
        }
    }

    private static Map<String, String> with(Map<String, String> config, String exitAfterMs) {
        Map<String, String> all = new java.util.HashMap<>(config);
        all.put("db.unavailable_exit_after_ms", exitAfterMs);
        return all;
    }

    private static ApiClient.Reply send(ApiClient api, String messages, Account owner, String content) {
        return api.post(messages, new JsonObject().put("content", content), owner.token());
    }

    private static ApiClient.Reply await(java.util.function.Supplier<ApiClient.Reply> request,
                                         Predicate<ApiClient.Reply> done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        ApiClient.Reply last = null;
        while (System.currentTimeMillis() < deadline) {
            last = request.get();
            assertTrue(last.status() == 200 || last.status() == 503, "only 200 or 503: " + last);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 60 s; last reply: " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
