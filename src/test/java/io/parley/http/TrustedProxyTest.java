package io.parley.http;

import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Behind a load balancer listed in http.trusted_proxies, per-address limits count each client, not the balancer. */
class TrustedProxyTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registrationsAreCountedPerForwardedClientAddress(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir, Map.of("http.trusted_proxies", "127.0.0.1",
                "auth.rate_limits.register_per_ip", "2/1h"))) {
            String base = "http://127.0.0.1:" + parley.node().httpPort();
            assertEquals(201, register(base, "198.51.100.1"));
            assertEquals(201, register(base, "198.51.100.1"));
            assertEquals(429, register(base, "198.51.100.1"), "the third from one client is limited");
            assertEquals(201, register(base, "198.51.100.2"), "another client behind the same proxy is not");
            assertEquals(201, register(base, "198.51.100.1, 198.51.100.3"),
                    "the address the proxy appended counts, not what the client wrote before it");
        }
    }

    private int register(String base, String forwardedFor) throws Exception {
        String name = "proxied_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v10/auth/register"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", name)
                        .put("email", name + "@example.com").put("password", "correct horse battery").encode()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
