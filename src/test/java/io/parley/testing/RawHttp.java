package io.parley.testing;

import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** HTTP/1.1 written byte for byte on a socket: for requests no well-behaved client would send. */
public final class RawHttp {
    private RawHttp() {
    }

    /** One reply: its status (-1 when the server closed without one), lower-cased header block and body. */
    public record Answer(int status, String headers, String body) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public boolean closedWithoutReply() {
            return status == -1;
        }
    }

    /** Sends {@code request} as is and reads until the server closes or {@code timeoutMs} passes in silence. */
    public static Answer exchange(String base, String request, int timeoutMs) throws IOException {
        return exchange(base, request.getBytes(StandardCharsets.UTF_8), timeoutMs);
    }

    public static Answer exchange(String base, byte[] request, int timeoutMs) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return parse(readReply(socket.getInputStream()));
        }
    }

    /** Reads one reply: to the end of its Content-Length body, or until the server closes. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                bytes.write(chunk, 0, n);
                if (complete(bytes.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived so far is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = head.indexOf("\r\n", at);
        int length = Integer.parseInt(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
        return text.getBytes(StandardCharsets.UTF_8).length - (end + 4) >= length;
    }

    private static Answer parse(String text) {
        if (!text.startsWith("HTTP/")) {
            return new Answer(-1, "", text);
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        int status = Integer.parseInt(head.substring(9, 12));
        return new Answer(status, head.toLowerCase(Locale.ROOT), body);
    }
}
