package io.parley.http;

import io.parley.platform.config.ConfigException;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** http.cors_origins: preflights from listed origins are answered, others refused, and CORS is off by default. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsTest {
    private static final String ALLOWED = "https://app.example.org";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private TestParley parley;
    private String base;

    @BeforeAll
    void start() throws Exception {
        parley = TestParley.start(Files.createTempDirectory("parley-cors-"), Map.of(
                "http.cors_origins", ALLOWED + ", http://localhost:3000"));
        base = "http://127.0.0.1:" + parley.node().httpPort();
    }

    @AfterAll
    void stop() throws Exception {
        parley.close();
    }

    static HttpResponse<String> preflight(String base, String origin) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + API + "/users/@me/settings"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String origin, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", origin)
                .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    @Test
    void aPreflightFromAListedOriginIsAnsweredWithWhatItMaySend() throws Exception {
        HttpResponse<String> reply = preflight(base, ALLOWED);
        assertEquals(204, reply.statusCode(), reply.body());
        assertEquals(Optional.of(ALLOWED), header(reply, "Access-Control-Allow-Origin"), "the origin, never *");
        assertTrue(header(reply, "Access-Control-Allow-Methods").orElse("").contains("PATCH"));
        String headers = header(reply, "Access-Control-Allow-Headers").orElse("");
        assertTrue(headers.contains("Authorization") && headers.contains("Content-Type")
                && headers.contains("X-Audit-Log-Reason"), headers);
        assertEquals(Optional.of("600"), header(reply, "Access-Control-Max-Age"));
        assertEquals(Optional.empty(), header(reply, "Access-Control-Allow-Credentials"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() throws Exception {
        HttpResponse<String> reply = preflight(base, "https://evil.example.com");
        assertEquals(403, reply.statusCode());
        assertEquals("CORS_ORIGIN_NOT_ALLOWED", new JsonObject(reply.body()).getString("code"));
        assertEquals(Optional.empty(), header(reply, "Access-Control-Allow-Origin"));
    }

    @Test
    void aResponseToAListedOriginExposesRateLimitAndRequestIdHeaders() throws Exception {
        Account user = parley.client().register("correct horse battery");
        HttpResponse<String> reply = get(API + "/users/@me", "http://localhost:3000", user.token());
        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(Optional.of("http://localhost:3000"), header(reply, "Access-Control-Allow-Origin"));
        String exposed = header(reply, "Access-Control-Expose-Headers").orElse("");
        assertTrue(exposed.contains("X-RateLimit-Remaining") && exposed.contains("X-Request-Id"), exposed);

        HttpResponse<String> unlisted = get(API + "/users/@me", "https://evil.example.com", user.token());
        assertEquals(200, unlisted.statusCode(), "a non-preflight request is served; the browser withholds it");
        assertEquals(Optional.empty(), header(unlisted, "Access-Control-Allow-Origin"));
    }

    @Test
    void anErrorReplyToAListedOriginCarriesTheAllowOrigin() throws Exception {
        HttpResponse<String> reply = get(API + "/users/@me", ALLOWED, "not-a-token");
        assertEquals(401, reply.statusCode());
        assertEquals(Optional.of(ALLOWED), header(reply, "Access-Control-Allow-Origin"),
                "so the page can read the error");
    }

    @Test
    void anOriginWithAPathOrWithoutSchemeStopsTheStart() {
        for (String bad : new String[]{"https://app.example.org/chat", "app.example.org"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> TestParley.config(parley.dataDir(), Map.of("http.cors_origins", bad)));
            assertTrue(e.getMessage().contains("http.cors_origins"), e.getMessage());
        }
    }
}
