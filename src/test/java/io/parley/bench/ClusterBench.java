package io.parley.bench;

import io.parley.cluster.ClusterNodes;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cluster benchmark (not a test): -Dnodes Parley processes on one PostgreSQL and one Valkey;
 * -Dsessions gateway sessions spread over the nodes in one guild; -Dmessages REST sends at
 * -Drate per second, spread over the nodes. Reports sends acknowledged per second and
 * POST→MESSAGE_CREATE per delivery, so 1 node and 2 nodes run the same load.
 */
public final class ClusterBench {
    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = Integer.getInteger("nodes", 2);
        int sessions = Integer.getInteger("sessions", 100);
        int messages = Integer.getInteger("messages", 1000);
        int rate = Integer.getInteger("rate", 100);
        // -Dvalkey=false: the same single node without cluster mode, as the baseline.
        Map<String, String> extra = Boolean.parseBoolean(System.getProperty("valkey", "true"))
                ? Map.of("gateway.sessions_per_user", "1000")
                : Map.of("gateway.sessions_per_user", "1000", "valkey.url", "");
        try (ClusterNodes cluster = ClusterNodes.start(nodes, extra)) {
            ApiClient api = cluster.node(0).api();
            Account owner = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Bench");
            List<Account> members = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Account member = cluster.node(i % nodes).api().register("correct horse battery");
                Guilds.join(cluster.node(i % nodes).api(), member, guild, owner);
                members.add(member);
            }
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
            WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxConnections(sessions + 10).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 24));
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong deliveries = new AtomicLong();
            CountDownLatch ready = new CountDownLatch(sessions);
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                        .setPort(cluster.node(i % nodes).port()).setURI("/gateway?v=10&encoding=json"))
                        .await(30, TimeUnit.SECONDS);
                ws.textMessageHandler(text -> {
                    if (text.contains("\"t\":\"MESSAGE_CREATE\"")) {
                        int at = text.indexOf("sent:");
                        latencies.add(System.nanoTime() - Long.parseLong(text.substring(at + 5, text.indexOf('"', at))));
                        deliveries.incrementAndGet();
                    } else if (text.contains("\"t\":\"READY\"")) {
                        ready.countDown();
                    }
                });
                ws.writeTextMessage(new JsonObject().put("op", 2).put("d", new JsonObject()
                        .put("token", members.get(i % members.size()).token())
                        .put("intents", 1 | (1 << 9) | (1 << 15))).encode());
                sockets.add(ws);
            }
            if (!ready.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every session got READY");
            }
            HttpClient http = vertx.createHttpClient();
            AtomicLong acknowledged = new AtomicLong();
            List<Future<?>> sends = new ArrayList<>();
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                long due = start + i * interval;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                long sentAt = System.nanoTime();
                sends.add(http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                                .setPort(cluster.node(i % nodes).port())
                                .setURI("/api/v10/channels/" + guild.generalChannelId() + "/messages")
                                .addHeader("Authorization", owner.token()).addHeader("Content-Type", "application/json"))
                        .compose(req -> req.send(new JsonObject().put("content", "sent:" + sentAt).encode()))
                        .onSuccess(reply -> {
                            if (reply.statusCode() == 200) {
                                acknowledged.incrementAndGet();
                            }
                        }));
            }
            Future.join(sends).await(120, TimeUnit.SECONDS);
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long expected = (long) messages * sessions;
            long deadline = System.currentTimeMillis() + 60_000;
            while (deliveries.get() < expected && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%d node(s), %d sessions: %d/%d sends acknowledged in %.1f s (%.0f messages/s); "
                            + "%d/%d deliveries in %.1f s (%.0f deliveries/s)%n", nodes, sessions, acknowledged.get(),
                    messages, sendSeconds, acknowledged.get() / sendSeconds, deliveries.get(), expected, seconds,
                    deliveries.get() / seconds);
            if (sorted.length > 0) {
                System.out.printf("POST→MESSAGE_CREATE p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", pct(sorted, 0.5),
                        pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            }
            sockets.forEach(WebSocket::close);
            vertx.close();
        }
        System.exit(0);
    }

    private static double pct(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * sorted.length))] / 1e6;
    }
}
