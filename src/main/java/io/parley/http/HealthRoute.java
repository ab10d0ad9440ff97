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
 * does not make the node unhealthy: it keeps serving its own sessions ("degraded"); nor do
 * dead letters (events a processor's handlers failed on), which are named per processor. A
 * serving node adds its database supervisor's view: how long PostgreSQL has been down, how
 * often the embedded server was started again.
 */
public final class HealthRoute implements Handler<RoutingContext> {
    private static final long TIMEOUT_MS = 2000;

    private final Pool pool;
    private final java.util.function.Supplier<String> valkey;
    private final Supplier<DatabaseSupervisor.State> database;
    private final Supplier<java.util.Map<String, Long>> deadLetters;

    public HealthRoute(Pool pool) {
        this(pool, () -> "disabled");
    }

    public HealthRoute(Pool pool, java.util.function.Supplier<String> valkey) {
        this(pool, valkey, null, java.util.Map::of);
    }

    /** {@code database} may be null (no supervisor); {@code deadLetters}: per processor that has any. */
    public HealthRoute(Pool pool, Supplier<String> valkey, Supplier<DatabaseSupervisor.State> database,
                       Supplier<java.util.Map<String, Long>> deadLetters) {
        this.pool = pool;
        this.valkey = valkey;
        this.database = database;
        this.deadLetters = deadLetters;
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
                    java.util.Map<String, Long> letters = deadLetters.get();
                    String status = result.failed() ? "unavailable"
                            : "down".equals(valkeyState) || !letters.isEmpty() ? "degraded" : "ok";
                    // dead letters degrade, never fail, the node: every other event keeps flowing
                    JsonObject deadLetterCheck = new JsonObject().put("status", letters.isEmpty() ? "none" : "present")
                            .put("processors", new JsonObject(new java.util.TreeMap<>(letters)));
                    Replies.json(ctx, result.succeeded() ? 200 : 503, new JsonObject()
                            .put("status", status)
                            .put("checks", new JsonObject().put("postgres", postgres)
                                    .put("valkey", new JsonObject().put("status", valkeyState))
                                    .put("dead_letters", deadLetterCheck)));
                });
    }
}
