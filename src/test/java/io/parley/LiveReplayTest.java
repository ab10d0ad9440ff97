package io.parley;

import io.parley.admin.OperatorToken;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `parley replay` while Parley serves: the running node rebuilds the read tables to the same
 * rows, and requests keep being answered meanwhile.
 */
class LiveReplayTest {
    private static final List<String> READ_TABLES = List.of("users", "auth_sessions", "guilds", "roles", "channels",
            "members", "bans", "invites", "audit_log", "messages", "message_reactions", "server_voice_flags");
    private static final String THUMBS_UP = "%F0%9F%91%8D";

    @Test
    void replayingWhileServingRebuildsTheSameRowsAndKeepsAnswering(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            ApiClient api = parley.client();
            Account owner = api.register("correct horse battery");
            Account member = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Replayed");
            Guilds.join(api, member, guild, owner);
            String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
            for (int i = 0; i < 120; i++) {
                Account author = i % 2 == 0 ? owner : member;
                String id = api.post(messages, new JsonObject().put("content", "message " + i), author.token())
                        .json().getString("id");
                if (i % 10 == 0) {
                    assertEquals(204, api.put(messages + "/" + id + "/reactions/" + THUMBS_UP + "/@me", null,
                            owner.token()).status());
                }
            }
            api.patch(API + "/guilds/" + guild.id(), new JsonObject().put("name", "Renamed"), owner.token());
            // REST replies wait for their own projection only (the rename for guilds, not audit_log)
            Map<String, List<String>> before = settledTables(parley);

            // A projection the reads do not authenticate with: every read succeeds throughout.
            Readers onlyMessages = Readers.start(api, owner, guild, messages);
            assertEquals(0, Replay.run(TestParley.config(dataDir, Map.of()), "messages"));
            onlyMessages.stop();
            assertEquals(Map.of(200, onlyMessages.total()), onlyMessages.statuses(),
                    "reads while the messages projection is rebuilt");

            // Every projection, accounts included: a read may be refused while its token's
            // session is not back yet, but none fails.
            Readers all = Readers.start(api, owner, guild, messages);
            assertEquals(0, Replay.run(TestParley.config(dataDir, Map.of()), "all"));
            all.stop();
            assertTrue(all.statuses().keySet().stream().allMatch(status -> status < 500),
                    "no read failed: " + all.statuses());
            assertEquals(0, all.errors.get(), "no read lost its connection");

            assertEquals(before, readTables(parley));
            assertEquals(200, api.get(messages + "?limit=5", owner.token()).status(), "still serving");
        }
    }

    @Test
    void theAdminEndpointWantsTheOperatorTokenOrAStaffAccount(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            ApiClient api = parley.client();
            String path = "/_admin/replay/messages";
            assertEquals(401, api.get(path, null).status());
            assertEquals(401, api.get(path, "Bearer not-a-token").status());
            Account someone = api.register("correct horse battery");
            assertEquals(403, api.get(path, someone.token()).status());
            assertEquals(403, api.post(path, null, someone.token()).status());

            JsonObject published = OperatorToken.read(dataDir).orElseThrow();
            assertEquals(api.base(), published.getString("url"));
            String operator = "Bearer " + published.getString("token");
            JsonObject idle = api.get(path, operator).json();
            assertEquals("idle", idle.getString("state"));
            assertTrue(idle.getLong("head") >= 0, idle.encode());
            assertEquals(404, api.get("/_admin/replay/nonsense", operator).status());
        }
        assertTrue(OperatorToken.read(dataDir).isEmpty(), "a stopped node leaves no admin.json");
    }

    /** The read tables once every projection has caught up: two reads 500 ms apart agree. */
    private static Map<String, List<String>> settledTables(TestParley parley) throws Exception {
        Map<String, List<String>> previous = readTables(parley);
        for (int attempt = 0; attempt < 20; attempt++) {
            Thread.sleep(500);
            Map<String, List<String>> current = readTables(parley);
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("the read tables kept changing for 10 s");
    }

    private static Map<String, List<String>> readTables(TestParley parley) throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection connection = parley.node().storage().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : READ_TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                tables.put(table, rows);
            }
        }
        assertTrue(tables.get("messages").size() >= 120, "the fixture wrote its messages");
        return tables;
    }

    /** Two threads reading a guild and its latest messages until stopped, counting reply codes. */
    private static final class Readers {
        final Map<Integer, Integer> counts = new ConcurrentHashMap<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();

        static Readers start(ApiClient api, Account reader, Guild guild, String messages) {
            Readers readers = new Readers();
            for (String path : List.of(API + "/guilds/" + guild.id(), messages + "?limit=50")) {
                Thread thread = new Thread(() -> {
                    while (readers.running.get()) {
                        try {
                            readers.counts.merge(api.get(path, reader.token()).status(), 1, Integer::sum);
                        } catch (RuntimeException e) {
                            readers.errors.incrementAndGet();
                        }
                    }
                });
                thread.start();
                readers.threads.add(thread);
            }
            return readers;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }

        Map<Integer, Integer> statuses() {
            return Map.copyOf(counts);
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
