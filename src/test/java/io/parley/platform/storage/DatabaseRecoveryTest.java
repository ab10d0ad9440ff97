package io.parley.platform.storage;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL killed outright (kill -9 of its postmaster) under a steady send rate:
 * Parley starts it again by itself, answers 503 with Retry-After meanwhile (never 500), and
 * every message it acknowledged is there afterwards.
 */
class DatabaseRecoveryTest {
    private static final String PASSWORD = "correct horse battery";
    private static final long SEND_INTERVAL_MS = 100;
    private static final long SENDING_MS = 25_000;
    private static final long KILL_AFTER_MS = 5_000;

    private record Refusal(int status, String code, String retryAfter) {
    }

    @Test
    void aKilledEmbeddedPostgresIsRestartedAndNoAcknowledgedMessageIsLost(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir, Map.of("db.health_check_interval_ms", "200"))) {
            ApiClient api = parley.client();
            Account owner = api.register(PASSWORD);
            Guilds.Guild guild = Guilds.create(api, owner, "Outage");
            String messages = API + "/channels/" + guild.generalChannelId() + "/messages";

            Map<String, String> accepted = new ConcurrentHashMap<>();
            List<Long> acceptedAt = new CopyOnWriteArrayList<>();
            List<Refusal> refusals = new CopyOnWriteArrayList<>();
            List<String> broken = new CopyOnWriteArrayList<>();
            Thread sender = new Thread(() -> {
                long end = System.currentTimeMillis() + SENDING_MS;
                for (int i = 0; System.currentTimeMillis() < end; i++) {
                    long next = System.currentTimeMillis() + SEND_INTERVAL_MS;
                    String content = "steady " + i;
                    try {
                        ApiClient.Reply reply = api.post(messages, new JsonObject().put("content", content), owner.token());
                        if (reply.status() == 200) {
                            accepted.put(reply.json().getString("id"), content);
                            acceptedAt.add(System.currentTimeMillis());
                        } else {
                            refusals.add(new Refusal(reply.status(), reply.errorCode(), reply.header("Retry-After")));
                        }
                    } catch (RuntimeException e) {
                        broken.add(e.toString());
                    }
                    long wait = next - System.currentTimeMillis();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "steady-sender");
            sender.start();

            Thread.sleep(KILL_AFTER_MS);
            int acceptedBeforeKill = accepted.size();
            assertTrue(acceptedBeforeKill > 0, "the sender got going");
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            long killedAt = System.currentTimeMillis();
            assertTrue(postmaster.destroyForcibly(), "SIGKILL sent to the postmaster " + pid);

            JsonObject health = awaitHealthyAfterRestart(api, killedAt + 15_000);
            long recoveredAt = System.currentTimeMillis();
            System.out.printf("DatabaseRecoveryTest: healthy %d ms after kill -9 of the postmaster; %s%n",
                    recoveredAt - killedAt, health.encode());

            sender.join(SENDING_MS + 60_000);
            assertEquals(List.of(), broken, "every request got an answer");
            List<Refusal> unexpected = refusals.stream().filter(r -> r.status() != 503 || r.retryAfter() == null
                    || !(r.code().equals("DATABASE_UNAVAILABLE") || r.code().equals("SERVICE_UNAVAILABLE"))).toList();
            assertEquals(List.of(), unexpected, "only 503 with Retry-After while the database was away");
            assertTrue(acceptedAt.stream().anyMatch(at -> at > recoveredAt),
                    "sends are accepted again after the recovery (" + refusals.size() + " refused)");
            System.out.printf("DatabaseRecoveryTest: %d accepted, %d answered 503 (%s)%n", accepted.size(),
                    refusals.size(), refusals.stream().collect(Collectors.groupingBy(Refusal::code, Collectors.counting())));

            assertEquals(List.of(), unreadable(api, messages, owner, accepted), "acknowledged messages missing");
            assertEquals(List.of(), processorsNotRunning(parley, System.currentTimeMillis() + 90_000),
                    "every tracking processor resumed");
        }
    }

    private static JsonObject awaitHealthyAfterRestart(ApiClient api, long deadline) throws InterruptedException {
        JsonObject last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                ApiClient.Reply reply = api.get("/_health", null);
                last = reply.json();
                JsonObject postgres = last.getJsonObject("checks").getJsonObject("postgres");
                if (reply.status() == 200 && postgres.getInteger("restarts", 0) >= 1) {
                    return last;
                }
                assertTrue(reply.status() == 200 || reply.status() == 503, "health answers 200 or 503: " + reply);
            } catch (IllegalStateException noAnswer) {
                // counted below by the deadline
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not healthy again within 15 s of the kill; last /_health: " + last);
    }

    private static List<String> unreadable(ApiClient api, String messages, Account owner, Map<String, String> accepted)
            throws InterruptedException {
        List<String> missing = new ArrayList<>(accepted.keySet());
        long deadline = System.currentTimeMillis() + 60_000;
        while (!missing.isEmpty() && System.currentTimeMillis() < deadline) {
            missing.removeIf(id -> {
                ApiClient.Reply read = api.get(messages + "/" + id, owner.token());
                return read.status() == 200 && accepted.get(id).equals(read.json().getString("content"));
            });
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        return missing;
    }

    /** Tracking processors that are stopped or still in error mode when the deadline passes. */
    private static List<String> processorsNotRunning(TestParley parley, long deadline) throws InterruptedException {
        List<String> stuck = List.of();
        while (System.currentTimeMillis() < deadline) {
            stuck = parley.node().axon().configuration().eventProcessingConfiguration().eventProcessors().values()
                    .stream().filter(p -> !p.isRunning() || p.isError()
                            || (p instanceof TrackingEventProcessor t && t.processingStatus().isEmpty()))
                    .map(EventProcessor::getName).sorted().toList();
            if (stuck.isEmpty()) {
                return stuck;
            }
            Thread.sleep(500);
        }
        return stuck;
    }
}
