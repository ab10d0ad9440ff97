package io.parley.http;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every client meets before any feature: base paths, error bodies, limits, health, metrics. */
@ExtendWith(SharedParley.class)
class HttpSurfaceTest {
    private ApiClient api;

    @BeforeEach
    void connect(TestParley parley) {
        api = parley.client();
    }

    @Test
    void everyBasePathServesTheSameRoutes() {
        ApiClient.Account account = api.register("correct horse battery");
        for (String base : new String[]{"/v1", "/api/v1", "/api/v10"}) {
            Reply me = api.get(base + "/users/@me", account.token());
            assertEquals(200, me.status(), base);
            assertEquals(account.id(), me.json().getString("id"));
        }
    }

    @Test
    void malformedJsonIsABadRequest() {
        Reply reply = api.post(API + "/auth/login", "{\"login\": \"x\",", null);
        assertEquals(400, reply.status());
        assertEquals("application/json", reply.header("content-type"));
        assertEquals("INVALID_JSON", reply.errorCode());
        assertEquals(400, api.post(API + "/auth/login", "[1, 2]", null).status(), "an array is not an object");
    }

    @Test
    void oversizeBodyIsPayloadTooLarge() {
        String big = new JsonObject().put("login", "x".repeat(2 * 1024 * 1024)).put("password", "y").encode();
        Reply reply = api.post(API + "/auth/login", big, null);
        assertEquals(413, reply.status());
        assertEquals("PAYLOAD_TOO_LARGE", reply.errorCode());
    }

    @Test
    void unknownRouteIsAJsonNotFound() {
        for (String path : new String[]{API + "/no/such/route", "/nothing-here", "/api/v9/users/@me"}) {
            Reply reply = api.get(path, null);
            assertEquals(404, reply.status(), path);
            assertEquals("application/json", reply.header("content-type"));
            assertEquals("NOT_FOUND", reply.errorCode());
        }
    }

    @Test
    void wrongMethodIsAJsonMethodNotAllowed() {
        Reply reply = api.send("DELETE", API + "/auth/login", null, null);
        assertEquals(405, reply.status());
        assertEquals("METHOD_NOT_ALLOWED", reply.errorCode());
    }

    @Test
    void everyReplyCarriesARequestId() {
        assertNotNull(api.get(API + "/users/@me", null).header("X-Request-Id"));
    }

    @Test
    void healthReportsPostgres() {
        Reply health = api.get("/_health", null);
        assertEquals(200, health.status());
        assertEquals("up", health.json().getJsonObject("checks").getJsonObject("postgres").getString("status"));
    }

    @Test
    void metricsExposeVertxJvmAndAxon() {
        api.register("correct horse battery");
        Reply metrics = api.get("/metrics", null);
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("vertx_http_server_requests_total"), "Vert.x HTTP metrics");
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(metrics.body().contains("parley_command_seconds"), "command latency by command type");
        assertTrue(metrics.body().contains("parley_projection_lag_events{processor=\"accounts\""),
                "projection lag per processor");
        assertTrue(metrics.body().contains("parley_gateway_sessions"), "gateway sessions");
        assertTrue(metrics.body().contains("/auth/register\""), "HTTP metrics per route pattern");
    }
}
