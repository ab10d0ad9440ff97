package io.parley.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.util.concurrent.TimeUnit;

/** {@code GET /_health}: 200 when PostgreSQL answers within two seconds, 503 otherwise, with detail. */
public final class HealthRoute implements Handler<RoutingContext> {
    private static final long TIMEOUT_MS = 2000;

    private final Pool pool;

    public HealthRoute(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        pool.query("SELECT 1").execute()
                .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .onComplete(result -> {
                    JsonObject postgres = new JsonObject()
                            .put("status", result.succeeded() ? "up" : "down")
                            .put("latency_ms", (System.nanoTime() - started) / 1_000_000);
                    if (result.failed()) {
                        postgres.put("error", result.cause().getMessage());
                    }
                    Replies.json(ctx, result.succeeded() ? 200 : 503, new JsonObject()
                            .put("status", result.succeeded() ? "ok" : "unavailable")
                            .put("checks", new JsonObject().put("postgres", postgres)));
                });
    }
}
