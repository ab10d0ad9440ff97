package io.parley.http;

import io.parley.testing.RawHttp;
import io.parley.testing.RawHttp.Answer;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that never finishes its request cannot hold a connection (issue #16 item 9). */
class SlowRequestTest {

    @Test
    void anUnfinishedBodyIsA408AndAStalledConnectionCloses(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir, Map.of("http.request_body_timeout_ms", "1000",
                "http.idle_timeout_seconds", "2"))) {
            String base = parley.client().base();
            Answer answer = RawHttp.exchange(base, "POST " + API + "/auth/login HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"login\":", 20_000);
            assertEquals(408, answer.status(), answer.toString());
            assertEquals("REQUEST_TIMEOUT", new JsonObject(answer.body()).getString("code"));
            assertTrue(answer.headers().contains("connection: close"), answer.headers());

            try (Socket socket = new Socket("127.0.0.1", parley.node().httpPort())) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write("GET /_health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.UTF_8));
                InputStream in = socket.getInputStream();
                assertEquals(-1, in.read(), "headers never finished: the idle timeout closes the connection");
            }
            assertEquals(200, parley.client().get("/_health", null).status(), "the server still serves others");
        }
    }
}
