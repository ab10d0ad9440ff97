package io.parley.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full reactive pool is a capacity limit: clients get 503 with Retry-After, not a 500. */
class OverloadReplyTest {
    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/busy").handler(ctx -> ctx.fail(new RuntimeException("query failed",
                new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 10000"))));
        router.get("/database-gone").handler(ctx -> ctx.fail(new org.axonframework.eventsourcing.eventstore
                .EventStoreException("could not be persisted", new java.sql.SQLException("terminating connection", "57P01"))));
        router.get("/broken").handler(ctx -> ctx.fail(new IllegalStateException("a bug")));
        router.route().failureHandler(ErrorResponder::handle);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void aFullPoolIs503WithRetryAfter() throws Exception {
        Reply reply = get("/busy");
        assertEquals(503, reply.status());
        assertEquals("1", reply.retryAfter());
        assertEquals("SERVICE_UNAVAILABLE", reply.body().getString("code"));
    }

    @Test
    void anUnreachableDatabaseIs503DatabaseUnavailableWithRetryAfter() throws Exception {
        Reply reply = get("/database-gone");
        assertEquals(503, reply.status());
        assertEquals("2", reply.retryAfter());
        assertEquals("DATABASE_UNAVAILABLE", reply.body().getString("code"));
    }

    @Test
    void anyOtherFailureIsStillA500WithItsRequestId() throws Exception {
        Reply reply = get("/broken");
        assertEquals(500, reply.status());
        assertTrue(reply.body().containsKey("request_id"));
    }

    private record Reply(int status, String retryAfter, JsonObject body) {
    }

    private static Reply get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.actualPort() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                new JsonObject(response.body()));
    }
}
