package io.parley;

import io.parley.admin.OperatorToken;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A handler that keeps failing on one event does not stall its processor: after its bounded
 * retries the event is dead-lettered (with the aggregate's later events parked behind it), other
 * aggregates' events flow on, /_health and the metric name the processor, and an operator
 * lists, retries and drops the dead letters over /_admin and with {@code parley dead-letters}.
 */
class DeadLettersTest {
    private static final String DEAD_LETTERS = "/_admin/dead-letters";

    @Test
    void aFailingHandlerIsRetriedThenDeadLetteredWhileLaterEventsFlow(@TempDir Path dataDir) throws Exception {
        PoisonProjection.broken.set(true);
        Map<String, String> config = Map.of("axon.handler_retries", "2", "axon.handler_retry_backoff_ms", "10");
        try (TestParley parley = TestParley.start(dataDir, config, List.of(PoisonProjection.module()))) {
            execute(parley, PoisonProjection.TABLE);
            ApiClient api = parley.client();
            String operator = "Bearer " + OperatorToken.read(dataDir).orElseThrow().getString("token");
            Account owner = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Poisoned");
            String messages = API + "/channels/" + guild.generalChannelId() + "/messages";

            String poison = post(api, owner, messages, "POISON pill");
            String later = post(api, owner, messages, "a later message");
            awaitValue(() -> content(parley, later), "a later message", "a later event of the same processor");
            assertEquals(Optional.empty(), content(parley, poison), "the failed handler's write rolled back");
            assertEquals(3, PoisonProjection.attempts.get(Long.parseLong(poison)).get(),
                    "the first try and axon.handler_retries = 2 retries, then no more");

            // a later event of the same aggregate waits behind the dead letter, unhandled
            assertEquals(200, api.patch(messages + "/" + poison, new JsonObject().put("content", "POISON edited"),
                    owner.token()).status());
            String afterEdit = post(api, owner, messages, "after the edit");
            awaitValue(() -> content(parley, afterEdit), "after the edit", "events after the parked one");
            assertEquals(3, PoisonProjection.attempts.get(Long.parseLong(poison)).get(),
                    "the parked edit was not handled");

            JsonObject health = awaitHealth(api, h -> h.getJsonObject("checks").getJsonObject("dead_letters")
                    .getJsonObject("processors").getLong(PoisonProjection.GROUP, 0L) == 2);
            assertEquals("degraded", health.getString("status"));
            assertEquals("present", health.getJsonObject("checks").getJsonObject("dead_letters").getString("status"));
            assertTrue(api.get("/metrics", null).body()
                    .contains("parley_dead_letters{processor=\"" + PoisonProjection.GROUP + "\"} 2.0"));

            JsonObject listed = api.get(DEAD_LETTERS, operator).json();
            assertEquals(2, listed.getLong("total"));
            JsonObject processor = listed.getJsonArray("processors").getJsonObject(0);
            assertEquals(PoisonProjection.GROUP, processor.getString("processor"));
            JsonObject sequence = processor.getJsonArray("sequences").getJsonObject(0);
            assertEquals(poison, sequence.getString("sequence"), "sequences are aggregates (here the message)");
            JsonArray letters = sequence.getJsonArray("letters");
            assertTrue(letters.getJsonObject(0).getString("event_type").endsWith("MessagePosted"));
            assertTrue(letters.getJsonObject(0).getString("cause_message").contains("poisoned message " + poison));
            assertTrue(letters.getJsonObject(1).getString("event_type").endsWith("MessageEdited"));

            String printed = cli(dataDir, config, 0, "list");
            assertTrue(printed.contains(PoisonProjection.GROUP + ":") && printed.contains("sequence " + poison)
                    && printed.contains("MessagePosted") && printed.contains("MessageEdited")
                    && printed.contains("poisoned message " + poison) && printed.contains("2 dead letter(s)"), printed);

            // retried while the cause is still there: it stays, with its sequence
            JsonObject failedRetry = api.post(DEAD_LETTERS + "/" + PoisonProjection.GROUP + "/retry", null, operator).json();
            assertEquals(0, failedRetry.getInteger("succeeded"));
            assertEquals(2, failedRetry.getLong("remaining"));
            assertEquals(Optional.empty(), content(parley, poison), "a failed retry leaves no write behind");

            PoisonProjection.broken.set(false);
            String retried = cli(dataDir, config, 0, "retry", PoisonProjection.GROUP);
            assertTrue(retried.contains("1 succeeded; 0 dead letter(s) left"), retried);
            assertEquals(Optional.of("POISON edited"), content(parley, poison), "posted, then the parked edit, in order");
            assertEquals("ok", awaitHealth(api, h -> h.getString("status").equals("ok")).getString("status"));
            assertTrue(api.get("/metrics", null).body()
                    .contains("parley_dead_letters{processor=\"" + PoisonProjection.GROUP + "\"} 0.0"));
            assertEquals(0, api.get(DEAD_LETTERS, operator).json().getLong("total"));
        }
    }

    @Test
    void droppedDeadLettersAreGoneAndUnknownNamesAreRefused(@TempDir Path dataDir) throws Exception {
        PoisonProjection.broken.set(true);
        Map<String, String> config = Map.of("axon.handler_retries", "1", "axon.handler_retry_backoff_ms", "10");
        String second;
        try (TestParley parley = TestParley.start(dataDir, config, List.of(PoisonProjection.module()))) {
            execute(parley, PoisonProjection.TABLE);
            ApiClient api = parley.client();
            String operator = "Bearer " + OperatorToken.read(dataDir).orElseThrow().getString("token");
            Account owner = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Dropped");
            String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
            String first = post(api, owner, messages, "POISON one");
            second = post(api, owner, messages, "POISON two");
            String healthy = post(api, owner, messages, "healthy");
            awaitValue(() -> content(parley, healthy), "healthy", "the event after two dead letters");

            assertEquals(401, api.get(DEAD_LETTERS, null).status());
            assertEquals(403, api.get(DEAD_LETTERS, owner.token()).status(), "a user without the staff flag");
            Reply unknown = api.delete(DEAD_LETTERS + "/no-such-processor", operator);
            assertEquals(404, unknown.status());
            assertEquals("NOT_FOUND", unknown.errorCode());
            Reply noSequence = api.delete(DEAD_LETTERS + "/" + PoisonProjection.GROUP + "?sequence=42", operator);
            assertEquals(404, noSequence.status());
            assertEquals("NOT_FOUND", noSequence.errorCode());

            JsonObject dropped = api.delete(DEAD_LETTERS + "/" + PoisonProjection.GROUP + "?sequence=" + first, operator)
                    .json();
            assertEquals(1, dropped.getInteger("sequences"));
            assertEquals(1, dropped.getLong("remaining"));
            JsonObject left = api.get(DEAD_LETTERS, operator).json();
            assertEquals(second, left.getJsonArray("processors").getJsonObject(0).getJsonArray("sequences")
                    .getJsonObject(0).getString("sequence"), "only the other sequence is left");

            assertEquals("2", cli(dataDir, config, -1, "retry"), "usage error");
        }
        // stopped: the dead letter is still there, and the CLI works on the database itself
        String printed = cli(dataDir, config, 0, "list");
        assertTrue(printed.contains("sequence " + second) && printed.contains("1 dead letter(s)"), printed);
        printed = cli(dataDir, config, 0, "drop", PoisonProjection.GROUP);
        assertTrue(printed.contains("dropped 1 sequence(s); 0 dead letter(s) left"), printed);
        assertEquals("2", cli(dataDir, config, -1, "drop", "no-such-processor"), "unknown processor");
    }

    private static String post(ApiClient api, Account author, String messages, String content) {
        Reply posted = api.post(messages, new JsonObject().put("content", content), author.token());
        assertEquals(200, posted.status(), posted.body());
        return posted.json().getString("id");
    }

    /** Runs {@code parley dead-letters ARGS} against the running node, expecting {@code exit}; its output. */
    private static String cli(Path dataDir, Map<String, String> config, int exit, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DeadLetters.run(TestParley.config(dataDir, config), List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), List.of(PoisonProjection.module()));
        String printed = out.toString(StandardCharsets.UTF_8);
        if (exit >= 0) {
            assertEquals(exit, code, printed);
        }
        return exit >= 0 ? printed : String.valueOf(code);
    }

    private static JsonObject awaitHealth(ApiClient api, java.util.function.Predicate<JsonObject> done)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonObject last = null;
        while (System.currentTimeMillis() < deadline) {
            Reply reply = api.get("/_health", null);
            assertEquals(200, reply.status(), "dead letters degrade the node, never fail it");
            last = reply.json();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/_health never got there: " + last);
    }

    private static <T> void awaitValue(Supplier<T> read, Object expected, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        Object last = null;
        while (System.currentTimeMillis() < deadline) {
            last = read.get();
            if (last instanceof Optional<?> o && o.isPresent() && o.get().equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " was never handled; last " + last);
    }

    private static Optional<String> content(TestParley parley, String messageId) {
        try (Connection c = parley.node().storage().dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT content FROM poison_seen WHERE message_id = " + Long.parseLong(messageId))) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(TestParley parley, String sql) throws Exception {
        try (Connection c = parley.node().storage().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
