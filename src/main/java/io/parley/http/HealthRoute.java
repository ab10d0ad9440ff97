package io.parley.http;

import io.parley.platform.storage.DatabaseSupervisor;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code GET /_health}: 200 when PostgreSQL answers within two seconds, 503 otherwise, with
 * detail; plus Valkey's state (up, down, or disabled on a single node). Valkey being down
 * does not make the node unhealthy: it keeps serving its own sessions ("degraded"). A serving
 * node adds its database supervisor's view: how long PostgreSQL has been down, how often the
 * embedded server was started again.
 */
public final class HealthRoute implements Handler<RoutingContext> {
    private static final long TIMEOUT_MS = 2000;

    private final Pool pool;
    private final java.util.function.Supplier<String> valkey;
    private final Supplier<DatabaseSupervisor.State> database;

    public HealthRoute(Pool pool) {
        this(pool, () -> "disabled");
    }

    public HealthRoute(Pool pool, java.util.function.Supplier<String> valkey) {
        this(pool, valkey, null);
    }

    /** {@code database} may be null (no supervisor). */
    public HealthRoute(Pool pool, Supplier<String> valkey, Supplier<DatabaseSupervisor.State> database) {
        this.pool = pool;
        this.valkey = valkey;
        this.database = database;
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
                    if (database != null) {
                        DatabaseSupervisor.State state = database.get();
                        postgres.put("restarts", state.restarts());
                        if (!state.up() && result.failed()) {
                            postgres.put("down_for_ms", state.downForMs());
                        }
                    }
                    String valkeyState = valkey.get();
                    String status = result.failed() ? "unavailable" : "down".equals(valkeyState) ? "degraded" : "ok";
                    Replies.json(ctx, result.succeeded() ? 200 : 503, new JsonObject()
                            .put("status", status)
                            .put("checks", new JsonObject().put("postgres", postgres)
                                    .put("valkey", new JsonObject().put("status", valkeyState))));
                });
    }
}
