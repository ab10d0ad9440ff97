package io.parley.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dead letters per processor, sampled every second with the reactive client (all nodes share the
 * table), for {@code parley_dead_letters{processor}} and {@code /_health}.
 */
final class DeadLetterCounts implements AutoCloseable {
    private static final long SAMPLE_MS = 1000;

    private final Vertx vertx;
    private final Pool pool;
    private volatile Map<String, Long> counts = Map.of();
    private final long timer;

    DeadLetterCounts(Vertx vertx, Pool pool, List<String> processors, MeterRegistry meters) {
        this.vertx = vertx;
        this.pool = pool;
        processors.forEach(processor -> Gauge.builder("parley_dead_letters", this,
                        c -> c.counts.getOrDefault(processor, 0L))
                .tag("processor", processor)
                .description("Events this processor's handlers failed on, waiting in its dead-letter queue"
                        + " (parley dead-letters list)")
                .register(meters));
        this.timer = vertx.setPeriodic(0, SAMPLE_MS, id -> read());
    }

    Future<Map<String, Long>> read() {
        return pool.query("SELECT processinggroup, count(*) AS letters FROM deadletterentry GROUP BY processinggroup")
                .execute()
                .map(rows -> {
                    Map<String, Long> next = new TreeMap<>();
                    for (Row row : rows) {
                        next.put(row.getString("processinggroup"), row.getLong("letters"));
                    }
                    counts = Map.copyOf(next);
                    return counts;
                });
    }

    /** Processors with at least one dead letter, as last sampled. */
    Map<String, Long> sampled() {
        return new TreeMap<>(counts);
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
