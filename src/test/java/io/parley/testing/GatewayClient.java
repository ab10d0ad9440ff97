package io.parley.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** A gateway client over a real WebSocket: queues every payload it receives and records how it was closed. */
public final class GatewayClient implements AutoCloseable {
    private static final Vertx CLIENT_VERTX = Vertx.vertx();

    private final WebSocketClient http;
    private final ClientWebSocket ws;
    private final BlockingQueue<JsonObject> payloads = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Inflater inflater = new Inflater();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream zstdReceived = new ByteArrayOutputStream();
    private int zstdDecoded;
    private boolean zstd;
    private volatile Short closeCode;
    private volatile String closeReason;

    private GatewayClient(WebSocketClient http, ClientWebSocket ws) {
        this.http = http;
        this.ws = ws;
        ws.textMessageHandler(text -> payloads.add(new JsonObject(text)));
        ws.binaryMessageHandler(this::onBinary);
        ws.closeHandler(v -> {
            closeCode = ws.closeStatusCode();
            closeReason = ws.closeReason();
            closed.countDown();
        });
    }

    /** {@code query} such as "v=10&encoding=json"; path defaults to /gateway. */
    public static GatewayClient connect(int port, String query) {
        return connect(port, "/gateway", query, null);
    }

    public static GatewayClient connect(int port, String path, String query, String origin) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI(path + (query == null ? "" : "?" + query));
        options.setAllowOriginHeader(origin != null);
        if (origin != null) {
            options.addHeader("Origin", origin);
        }
        // Handlers go on before the handshake, so a payload or close sent at once is not lost.
        WebSocketClient http = CLIENT_VERTX.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 24));
        GatewayClient client = new GatewayClient(http, http.webSocket());
        client.zstd = query != null && query.contains("compress=zstd-stream");
        ClientWebSocket ws = client.ws;
        try {
            ws.connect(options).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!client.isClosed()) {
                throw new IllegalStateException("gateway connect failed: " + e, e);
            }
        }
        return client;
    }

    public void send(JsonObject payload) {
        ws.writeTextMessage(payload.encode());
    }

    public void sendRaw(String text) {
        ws.writeTextMessage(text);
    }

    public void sendBinary(byte[] bytes) {
        ws.writeBinaryMessage(Buffer.buffer(bytes));
    }

    /** The next payload, or null after {@code millis}. */
    public JsonObject next(long millis) {
        try {
            return payloads.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next dispatch of {@code type}, skipping others; fails after 5 s. */
    public JsonObject dispatch(String type) {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject payload = next(deadline - System.currentTimeMillis());
            if (payload != null && payload.getInteger("op") == 0 && type.equals(payload.getString("t"))) {
                return payload;
            }
        }
        throw new AssertionError("no " + type + " dispatch within 5 s");
    }

    /** Whether a dispatch of {@code type} arrives within {@code millis} (others are skipped). */
    public boolean receives(String type, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            JsonObject payload = next(deadline - System.currentTimeMillis());
            if (payload != null && payload.getInteger("op") == 0 && type.equals(payload.getString("t"))) {
                return true;
            }
        }
        return false;
    }

    public JsonObject identify(String token, int intents) {
        send(new JsonObject().put("op", 2).put("d", new JsonObject().put("token", token).put("intents", intents)
                .put("properties", new JsonObject().put("os", "linux").put("browser", "parley-test")
                        .put("device", "parley-test"))));
        return dispatch("READY");
    }

    /** The close code, waiting up to 5 s for the server to close; null if it did not. */
    public Short awaitClose() {
        return awaitClose(5000);
    }

    /** The close code, waiting up to {@code millis} for the server to close; null if it did not. */
    public Short awaitClose(long millis) {
        try {
            closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    private void onBinary(Buffer buffer) {
        if (zstd) {
            onZstd(buffer.getBytes());
            return;
        }
        byte[] bytes = buffer.getBytes();
        pending.writeBytes(bytes);
        int n = bytes.length;
        boolean flushed = n >= 4 && bytes[n - 4] == 0 && bytes[n - 3] == 0 && bytes[n - 2] == (byte) 0xff
                && bytes[n - 1] == (byte) 0xff;
        if (!flushed) {
            return;
        }
        inflater.setInput(pending.toByteArray());
        pending.reset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int read;
            while ((read = inflater.inflate(chunk)) > 0) {
                out.write(chunk, 0, read);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("the zlib stream is corrupt", e);
        }
        payloads.add(new JsonObject(out.toString(StandardCharsets.UTF_8)));
    }

    /** Each frame ends a zstd flush: decode the stream so far and take the text added since the last frame. */
    private void onZstd(byte[] bytes) {
        zstdReceived.writeBytes(bytes);
        try (var in = new com.github.luben.zstd.ZstdInputStreamNoFinalizer(
                new java.io.ByteArrayInputStream(zstdReceived.toByteArray())).setContinuous(true)) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            payloads.add(new JsonObject(all.substring(zstdDecoded)));
            zstdDecoded = all.length();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the zstd stream is corrupt", e);
        }
    }

    @Override
    public void close() {
        if (!isClosed()) {
            ws.close();
        }
        http.close();
        inflater.end();
    }
}
