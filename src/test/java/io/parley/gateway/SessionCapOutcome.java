package io.parley.gateway;

import io.parley.testing.GatewayClient;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** How one IDENTIFY against the session cap ended: READY, closed with 4008, or something else (a failure). */
public enum SessionCapOutcome {
    READY, CLOSED_4008, OTHER;

    public static JsonObject identify(String token) {
        return new JsonObject().put("op", 2).put("d", new JsonObject().put("token", token).put("intents", 1));
    }

    /** Waits for READY or a close, skipping HELLO and other payloads. */
    public static SessionCapOutcome of(GatewayClient client) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject payload = client.next(200);
            if (payload != null && payload.getInteger("op") == 0 && "READY".equals(payload.getString("t"))) {
                return READY;
            }
            if (payload == null && client.isClosed()) {
                return Short.valueOf((short) 4008).equals(client.awaitClose(0)) ? CLOSED_4008 : OTHER;
            }
        }
        return OTHER;
    }

    /** Connects {@code count} clients (kept in {@code clients}), then sends every IDENTIFY at once. */
    public static List<SessionCapOutcome> identifyInParallel(String token, int count, Supplier<GatewayClient> connect,
                                                             List<GatewayClient> clients) {
        for (int i = 0; i < count; i++) {
            GatewayClient client = connect.get();
            client.next(5000);
            clients.add(client);
        }
        String frame = identify(token).encode();
        clients.forEach(c -> c.sendRaw(frame));
        List<CompletableFuture<SessionCapOutcome>> waits = new ArrayList<>();
        clients.forEach(c -> waits.add(CompletableFuture.supplyAsync(() -> of(c))));
        return waits.stream().map(CompletableFuture::join).toList();
    }
}
