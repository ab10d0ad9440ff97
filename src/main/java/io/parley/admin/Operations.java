package io.parley.admin;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.account.AccountQueries;
import io.parley.http.RouteModule;
import io.parley.platform.axon.AxonRuntime;
import io.parley.platform.storage.ThreadBoundTransactions;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a serving node offers its operator beyond the API: the {@code /_admin} endpoints
 * (live projection replay), projection lag gauges and the JDBC pool's metrics.
 */
public final class Operations implements AutoCloseable {
    private final OperatorToken operatorToken = new OperatorToken();
    private final EventLogHead head;
    private final ProjectionReplays replays;
    private final AdminRoutes routes;
    private final DeadLetterCounts deadLetterCounts;

    public Operations(Vertx vertx, Pool pool, AxonRuntime axon, AccountQueries accounts, MeterRegistry meters,
                      HikariDataSource jdbcPool, ThreadBoundTransactions transactions) {
        this.head = new EventLogHead(vertx, pool);
        this.replays = new ProjectionReplays(axon.configuration().eventProcessingConfiguration(),
                new ClaimedReset(transactions, axon.nodeId()));
        this.deadLetterCounts = new DeadLetterCounts(vertx, pool, axon.deadLetters().groups(), meters);
        this.routes = new AdminRoutes(new AdminAuth(operatorToken, accounts), replays, head,
                new ProjectionClaims(pool, axon.nodeId()), new DeadLetterRoutes(vertx,
                new DeadLetterAdmin(axon.configuration().eventProcessingConfiguration(), axon.deadLetters(),
                        transactions), deadLetterCounts));
        registerLagGauges(axon, meters);
        if (jdbcPool.getMetricRegistry() == null) {
            jdbcPool.setMetricRegistry(meters);
        }
    }

    private void registerLagGauges(AxonRuntime axon, MeterRegistry meters) {
        Gauge.builder("parley_event_log_head", head, EventLogHead::sampled)
                .description("Global index of the newest event in the event log (sampled every second)")
                .register(meters);
        axon.configuration().eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                Gauge.builder("parley_projection_lag_events", tracking, p -> lag(p))
                        .tag("processor", name)
                        .description("Events in the log this processor has not handled yet; NaN when this node holds none of its segments")
                        .register(meters);
            }
        });
    }

    private double lag(TrackingEventProcessor processor) {
        var position = ProjectionPositions.position(processor);
        long newest = head.sampled();
        return position.isEmpty() ? Double.NaN : Math.max(0, newest - position.getAsLong());
    }

    /** Dead letters per processor that has any, as sampled within the last second. */
    public java.util.Map<String, Long> deadLetters() {
        return deadLetterCounts.sampled();
    }

    public RouteModule routes() {
        return routes;
    }

    /** Blocking: writes {@code <data.dir>/admin.json} so {@code parley replay} can find this node. */
    public void publish(Path dataDir, String url) throws IOException {
        operatorToken.publish(dataDir, url);
    }

    @Override
    public void close() throws IOException {
        head.close();
        deadLetterCounts.close();
        replays.close();
        operatorToken.close();
    }
}
