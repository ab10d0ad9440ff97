package io.parley.cluster;

import io.parley.testing.GatewayClient;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway client that behaves like a real one when its node dies: on a closed socket (or op 7)
 * it reconnects to the next node in its list and RESUMEs with the last {@code s} it saw. It
 * records every MESSAGE_CREATE id with how often it arrived, and any gap in {@code s} or op 9.
 */
final class ResumingClient implements AutoCloseable {
    private final String token;
    private final List<Integer> ports;
    private final Map<String, Integer> messages = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile GatewayClient ws;
    private volatile boolean running = true;
    private volatile int resumes;
    private int portIndex;
    private String sessionId;
    private long seq;

    ResumingClient(String token, int intents, List<Integer> ports) {
        this.token = token;
        this.ports = ports;
        GatewayClient first = GatewayClient.connect(ports.get(0), "v=10&encoding=json");
        first.next(5000);
        JsonObject ready = first.identify(token, intents);
        sessionId = ready.getJsonObject("d").getString("session_id");
        seq = ready.getLong("s");
        ws = first;
        reader = new Thread(this::read, "resuming-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (running) {
            GatewayClient current = ws;
            JsonObject payload = current.next(100);
            if (payload == null) {
                if (current.isClosed() && running) {
                    resume();
                }
                continue;
            }
            int op = payload.getInteger("op");
            if (op == 0) {
                long s = payload.getLong("s");
                if (s != seq + 1) {
                    problems.add("s jumped from " + seq + " to " + s + " (" + payload.getString("t") + ")");
                }
                seq = s;
                if ("MESSAGE_CREATE".equals(payload.getString("t"))) {
                    messages.merge(payload.getJsonObject("d").getString("id"), 1, Integer::sum);
                }
            } else if (op == 9) {
                problems.add("op 9 INVALID_SESSION after resume #" + resumes);
                running = false;
            } else if (op == 7) {
                current.close();
            }
        }
    }

    private void resume() {
        portIndex = Math.min(portIndex + 1, ports.size() - 1);
        for (int attempt = 0; attempt < 50 && running; attempt++) {
            try {
                GatewayClient next = GatewayClient.connect(ports.get(portIndex), "v=10&encoding=json");
                if (next.isClosed()) {
                    continue;
                }
                next.next(5000);
                next.send(new JsonObject().put("op", 6).put("d", new JsonObject().put("token", token)
                        .put("session_id", sessionId).put("seq", seq)));
                ws = next;
                resumes++;
                return;
            } catch (RuntimeException e) {
                sleep(100);
            }
        }
        problems.add("could not reconnect");
        running = false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, Integer> messages() {
        return messages;
    }

    List<String> problems() {
        return problems;
    }

    int resumes() {
        return resumes;
    }

    boolean hasAll(List<String> ids) {
        return ids.stream().allMatch(messages::containsKey);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(2000);
        ws.close();
    }
}
