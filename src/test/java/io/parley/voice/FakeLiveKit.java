package io.parley.voice;

import com.sun.net.httpserver.HttpServer;
import livekit.LivekitModels;
import livekit.LivekitRoom;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A stand-in for LiveKit as Parley reaches it: RoomService as Twirp over HTTP with protobuf
 * bodies at {@code /twirp/livekit.RoomService/<Method>} (each call recorded and answered with
 * an empty protobuf message, valid for every response type Parley reads, except ListParticipants,
 * which lists {@link #participants}), and LiveKit's
 * {@code GET /} health answer "OK".
 */
public final class FakeLiveKit implements AutoCloseable {
    /** {@code status}: what the fake answered. */
    public record Call(String method, String contentType, String authorization, byte[] body, int status) {
    }

    private final HttpServer server;
    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public volatile int status = 200;
    /** What ListParticipants answers, by room name (no entry: an empty room). */
    public final java.util.Map<String, List<String>> participants = new java.util.concurrent.ConcurrentHashMap<>();
    /** False: the health check answers 503, as a LiveKit that is starting or failing does. */
    public volatile boolean healthy = true;
    /** Calls of a RoomService method still to be answered 503 (a LiveKit blip), by method name. */
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> failing =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Answers the next {@code count} calls of {@code method} with 503; 0 ends it. */
    public void failNext(String method, int count) {
        failing.put(method, new java.util.concurrent.atomic.AtomicInteger(count));
    }

    public FakeLiveKit() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/twirp/livekit.RoomService/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1);
            var failures = failing.get(method);
            int status = failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : this.status;
            Call call = new Call(method, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody().readAllBytes(),
                    status);
            calls.add(call);
            if (status == 200 && method.equals("ListParticipants")) {
                byte[] body = listParticipants(LivekitRoom.ListParticipantsRequest.parseFrom(call.body()).getRoom());
                exchange.getResponseHeaders().add("Content-Type", "application/protobuf");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (status == 200) {
                exchange.getResponseHeaders().add("Content-Type", "application/protobuf");
                exchange.sendResponseHeaders(200, -1);
            } else {
                byte[] error = "{\"code\":\"not_found\",\"msg\":\"room not found\"}".getBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, error.length);
                exchange.getResponseBody().write(error);
            }
            exchange.close();
        });
        server.createContext("/", exchange -> {
            byte[] ok = "OK".getBytes();
            boolean root = exchange.getRequestURI().getPath().equals("/");
            exchange.sendResponseHeaders(!root ? 404 : healthy ? 200 : 503, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
    }

    private byte[] listParticipants(String room) {
        LivekitRoom.ListParticipantsResponse.Builder response = LivekitRoom.ListParticipantsResponse.newBuilder();
        participants.getOrDefault(room, List.of()).forEach(identity -> response.addParticipants(
                LivekitModels.ParticipantInfo.newBuilder().setIdentity(identity).setSid("PA_" + identity)));
        return response.build().toByteArray();
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The first recorded call of {@code method} that matches, waiting up to 30 s for it (retries back off). */
    public Call await(String method, Predicate<Call> matching) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (Call call : calls) {
                if (call.method().equals(method) && matching.test(call)) {
                    return call;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("LiveKit saw no matching " + method + " within 30 s; calls: "
                + calls.stream().map(Call::method).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
