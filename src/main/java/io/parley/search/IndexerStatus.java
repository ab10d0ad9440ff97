package io.parley.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the indexer has caught up with the event log (searches answer 202 until it has, once)
 * and how far behind it is, as the parley_search_indexer_lag_events gauge.
 */
public final class IndexerStatus {
    private static final long LAG_INTERVAL_MS = 2000;

    private final TrackingEventProcessor processor;
    private final EventStorageEngine events;
    private final AtomicLong lag = new AtomicLong(-1);
    private volatile boolean caughtUpOnce;

    public IndexerStatus(TrackingEventProcessor processor, EventStorageEngine events) {
        this.processor = processor;
        this.events = events;
    }

    /** Non-blocking: reads the processor's in-memory status. */
    public boolean ready() {
        if (!caughtUpOnce) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            caughtUpOnce = !status.isEmpty() && status.values().stream()
                    .allMatch(s -> s.isCaughtUp() && !s.isReplaying() && s.getError() == null);
        }
        return caughtUpOnce;
    }

    /** Events in the log the indexer has not processed yet; -1 before the first measurement. */
    public long lag() {
        return lag.get();
    }

    /** Registers the gauge and measures the lag every two seconds on a worker thread (it reads the event store). */
    public void publish(Vertx vertx, MeterRegistry meters) {
        Gauge.builder("parley_search_indexer_lag_events", this, IndexerStatus::lag)
                .description("Events the search indexer has yet to process (-1: not measured yet)").register(meters);
        vertx.setPeriodic(0, LAG_INTERVAL_MS, id -> vertx.executeBlocking(() -> {
            lag.set(measure());
            return null;
        }, false));
    }

    private long measure() {
        long head = position(events.createHeadToken());
        long at = processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        return Math.max(0, head - at);
    }

    private static long position(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        return token == null ? -1 : token.position().orElse(-1);
    }
}
