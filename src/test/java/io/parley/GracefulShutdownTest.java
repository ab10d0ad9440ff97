package io.parley;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.ParleyProcess;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping Parley while clients use it: sessions are told to reconnect (op 7) and closed with a
 * resumable code, and every message the API accepted is there after a restart.
 */
class GracefulShutdownTest {
    private static final String PASSWORD = "correct horse battery";
    private static final int GUILDS = 1;
    private static final int GUILD_MESSAGES = 1 << 9;
    private static final int SENDERS = 4;

    @Test
    void stoppingUnderLoadSendsReconnectAndLosesNoAcceptedMessage(@TempDir Path dataDir) throws Exception {
        Map<String, String> accepted = new ConcurrentHashMap<>();
        List<Integer> refusals = new CopyOnWriteArrayList<>();
        String messages;
        Account owner;
        GatewayClient session;
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            ApiClient api = parley.client();
            owner = api.register(PASSWORD);
            Guild guild = Guilds.create(api, owner, "Stopping");
            messages = API + "/channels/" + guild.generalChannelId() + "/messages";
            session = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
            session.next(5000);
            session.identify(owner.token(), GUILDS | GUILD_MESSAGES);

            AtomicBoolean stopped = new AtomicBoolean();
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                String sender = "sender " + s;
                ApiClient own = parley.client();
                Thread thread = new Thread(() -> {
                    for (int i = 0; !stopped.get(); i++) {
                        String content = sender + " message " + i;
                        try {
                            ApiClient.Reply reply = own.post(messages, new JsonObject().put("content", content),
                                    owner.token());
                            if (reply.status() == 200) {
                                accepted.put(reply.json().getString("id"), content);
                            } else {
                                refusals.add(reply.status());
                            }
                        } catch (IllegalStateException connectionRefusedOrCut) {
                            // not accepted: nothing was promised
                        }
                    }
                }, sender);
                thread.start();
                senders.add(thread);
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (accepted.size() < 40 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(accepted.size() >= 40, "the senders got going: " + accepted.size());
            parley.node().close(); // with the senders still sending
            stopped.set(true);
            for (Thread thread : senders) {
                thread.join(30_000);
            }
        }

        assertEquals(7, awaitOp(session, 7).getInteger("op"), "op 7 RECONNECT before the socket closes");
        assertEquals((short) 1012, session.awaitClose(), "closed with a resumable code, not 1000 or a dropped socket");
        assertTrue(refusals.stream().allMatch(status -> status < 500), "no request failed while stopping: " + refusals);

        try (TestParley again = TestParley.start(dataDir, Map.of())) {
            ApiClient api = again.client();
            List<String> missing = new ArrayList<>(accepted.keySet());
            long deadline = System.currentTimeMillis() + 30_000;
            while (!missing.isEmpty() && System.currentTimeMillis() < deadline) {
                missing.removeIf(id -> {
                    ApiClient.Reply read = api.get(messages + "/" + id, owner.token());
                    return read.status() == 200 && accepted.get(id).equals(read.json().getString("content"));
                });
                if (!missing.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            assertEquals(List.of(), missing, "accepted messages missing after the restart (of " + accepted.size() + ")");
        }
    }

    /** The production path: SIGTERM to a serving process runs the same stop from the JVM's shutdown hook. */
    @Test
    void sigtermStopsTheProcessGracefullyAndTheEmbeddedPostgresWithIt(@TempDir Path dataDir) throws Exception {
        ParleyProcess parley = ParleyProcess.start(dataDir.resolve("data"), dataDir.resolve("parley.log"));
        Process process = parley.process();
        try {
            ApiClient api = parley.awaitHealthy(90_000);
            Account user = api.register(PASSWORD);
            GatewayClient session = GatewayClient.connect(parley.port(), "v=10&encoding=json");
            session.next(5000);
            session.identify(user.token(), GUILDS);
            Path postmaster = dataDir.resolve("data/postgres/postmaster.pid");
            assertTrue(Files.exists(postmaster), "the embedded PostgreSQL runs");

            process.destroy();

            assertEquals(7, awaitOp(session, 7).getInteger("op"));
            assertEquals((short) 1012, session.awaitClose());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ends");
            String output = parley.log();
            assertTrue(output.contains("Parley stopped"), "the shutdown ran to its end:\n" + output);
            assertFalse(output.contains("shutdown was not clean"), output);
            assertFalse(Files.exists(postmaster), "the embedded PostgreSQL was stopped too");
        } finally {
            parley.close();
        }
    }

    private static JsonObject awaitOp(GatewayClient client, int op) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject payload = client.next(deadline - System.currentTimeMillis());
            if (payload != null && payload.getInteger("op") == op) {
                return payload;
            }
        }
        throw new AssertionError("no op " + op + " within 10 s");
    }
}
