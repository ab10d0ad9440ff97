package io.parley.voice;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for LiveKit's RoomService as the SDK reaches it: Twirp over HTTP with protobuf
 * bodies at {@code /twirp/livekit.RoomService/<Method>}. It records each call and answers
 * with an empty protobuf message (valid for every response type the tests use).
 */
final class FakeLiveKit implements AutoCloseable {
    record Call(String method, String contentType, String authorization, byte[] body) {
    }

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile int status = 200;

    FakeLiveKit() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/twirp/livekit.RoomService/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(path.substring(path.lastIndexOf('/') + 1),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody().readAllBytes()));
            if (status == 200) {
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
        server.start();
    }

    String wsUrl() {
        return "ws://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
