package io.parley.web;

import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's files on the API's port, with the browser's defences, and nothing else shadowed. */
@ExtendWith(SharedParley.class)
class WebClientServingTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theRootServesTheClientWithAStrictPolicy(TestParley parley) throws Exception {
        HttpResponse<String> page = get(parley, "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("/assets/app.js"), page.body());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'self'") && policy.contains("script-src 'self'")
                && policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"), policy);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void clientRoutesAnswerWithTheSamePage(TestParley parley) throws Exception {
        for (String path : new String[]{"/login", "/register", "/invite/AbC123", "/channels/1/2", "/channels/@me"}) {
            HttpResponse<String> page = get(parley, path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("/assets/app.js"), path);
        }
    }

    @Test
    void assetsHaveTheirContentTypesAndHeaders(TestParley parley) throws Exception {
        HttpResponse<String> script = get(parley, "/assets/app.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript")
                || script.headers().firstValue("Content-Type").orElseThrow().startsWith("application/javascript"));
        assertEquals("nosniff", script.headers().firstValue("X-Content-Type-Options").orElseThrow());
        HttpResponse<String> css = get(parley, "/assets/app.css");
        assertTrue(css.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        assertEquals(404, get(parley, "/assets/missing.js").statusCode());
        assertEquals(404, get(parley, "/assets/../index.html").statusCode());
    }

    @Test
    void assetsAreCompressedAndRevalidated(TestParley parley) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + parley.node().httpPort() + "/assets/chat.js");
        HttpResponse<byte[]> gzipped = HTTP.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes();
        assertTrue(new String(plain, java.nio.charset.StandardCharsets.UTF_8).contains("export class Chat"));
        String etag = gzipped.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
    }

    @Test
    void unknownPathsAndApiRoutesStayJson404(TestParley parley) throws Exception {
        for (String path : new String[]{"/nope", "/api/v10/nope", "/v1/nope", "/channelsx", "/assets/"}) {
            HttpResponse<String> reply = get(parley, path);
            assertEquals(404, reply.statusCode(), path);
            assertEquals("NOT_FOUND", new JsonObject(reply.body()).getString("code"), path);
        }
    }

    @Test
    void operationalRoutesAndTheApiStillAnswer(TestParley parley) throws Exception {
        assertEquals(200, get(parley, "/_health").statusCode());
        assertEquals(200, get(parley, "/metrics").statusCode());
        HttpResponse<String> gateway = get(parley, "/api/v10/gateway");
        assertEquals(200, gateway.statusCode());
        assertTrue(new JsonObject(gateway.body()).getString("url").startsWith("ws://"));
        assertEquals(401, get(parley, "/api/v10/users/@me").statusCode());
    }

    private static HttpResponse<String> get(TestParley parley, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + parley.node().httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
