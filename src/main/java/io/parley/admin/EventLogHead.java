package io.parley.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The global index of the newest event, sampled every second with the reactive client, so the
 * lag gauges read a number instead of querying during a scrape. -1 while the log is empty.
 */
final class EventLogHead implements AutoCloseable {
    private static final long SAMPLE_MS = 1000;

    private final Vertx vertx;
    private final Pool pool;
    private final AtomicLong head = new AtomicLong(-1);
    private final long timer;

    EventLogHead(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
        this.timer = vertx.setPeriodic(0, SAMPLE_MS, id -> read());
    }

    /** The head now (one query); also refreshes the sample. */
    Future<Long> read() {
        return pool.query("SELECT coalesce(max(globalindex), -1) AS head FROM domainevententry").execute()
                .map(rows -> {
                    long value = rows.iterator().next().getLong("head");
                    head.set(value);
                    return value;
                });
    }

    long sampled() {
        return head.get();
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
