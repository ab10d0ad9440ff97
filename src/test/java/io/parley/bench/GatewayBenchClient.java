package io.parley.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client half of the gateway benchmark (not a test), run in its own JVM. Opens
 * -Dsessions sessions (identify, GUILDS|GUILD_MESSAGES), holds them -DholdSeconds, then sends
 * -Dmessages messages at -Drate per second over REST and measures POST→MESSAGE_CREATE per delivery.
 */
public final class GatewayBenchClient {
    private GatewayBenchClient() {
    }

    public static void main(String[] args) throws Exception {
        JsonObject setup = new JsonObject(Files.readString(Path.of(System.getProperty("in", "gateway-bench.json"))));
        int sessions = Integer.getInteger("sessions", 100);
        int messages = Integer.getInteger("messages", 200);
        int rate = Integer.getInteger("rate", 100);
        int holdSeconds = Integer.getInteger("holdSeconds", 0);
        int port = setup.getInteger("port");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(sessions + 10)
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 24));
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong deliveries = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(sessions);
        List<WebSocket> sockets = new ArrayList<>();
        long openStart = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            String token = setup.getJsonArray("tokens").getString(i % setup.getJsonArray("tokens").size());
            WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                    .setURI("/gateway?v=10&encoding=json")).await(30, TimeUnit.SECONDS);
            ws.textMessageHandler(text -> {
                if (text.contains("\"t\":\"MESSAGE_CREATE\"")) {
                    int at = text.indexOf("sent:");
                    long sentAt = Long.parseLong(text.substring(at + 5, text.indexOf('"', at)));
                    latencies.add(System.nanoTime() - sentAt);
                    deliveries.incrementAndGet();
                } else if (text.contains("\"t\":\"READY\"")) {
                    ready.countDown();
                }
            });
            ws.writeTextMessage(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", token)
                    .put("intents", 1 | (1 << 9) | (1 << 15))).encode());
            sockets.add(ws);
        }
        if (!ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every session got READY");
        }
        System.out.printf("%d sessions ready in %.1f s%n", sessions, (System.nanoTime() - openStart) / 1e9);
        if (holdSeconds > 0) {
            Thread.sleep(holdSeconds * 1000L);
        }
        var http = vertx.createHttpClient();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            long sentAt = System.nanoTime();
            http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                            .setURI("/api/v10/channels/" + setup.getString("channel") + "/messages")
                            .addHeader("Authorization", setup.getString("owner"))
                            .addHeader("Content-Type", "application/json"))
                    .compose(req -> req.send(new JsonObject().put("content", "sent:" + sentAt).encode()));
        }
        long expected = (long) messages * sessions;
        long deadline = System.currentTimeMillis() + 60_000;
        while (deliveries.get() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%d messages at %d/s to %d sessions: %d/%d deliveries in %.1f s (%.0f deliveries/s)%n",
                messages, rate, sessions, deliveries.get(), expected, seconds, deliveries.get() / seconds);
        if (sorted.length > 0) {
            System.out.printf("POST→MESSAGE_CREATE p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", pct(sorted, 0.5),
                    pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }
        sockets.forEach(WebSocket::close);
        vertx.close();
        System.exit(0);
    }

    private static double pct(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * sorted.length))] / 1e6;
    }
}
