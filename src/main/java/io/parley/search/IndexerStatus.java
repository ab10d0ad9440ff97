package io.parley.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether the indexer has caught up with the event log (searches answer 202 until it has, once)
 * and how far behind it is, as the parley_search_indexer_lag_events gauge.
 */
public final class IndexerStatus implements AutoCloseable {
    private static final long LAG_INTERVAL_MS = 2000;
    private static final Logger log = LoggerFactory.getLogger(IndexerStatus.class);

    private final Supplier<Map<Integer, EventTrackerStatus>> segments;
    private final LongSupplier headPosition;
    private final AtomicLong lag = new AtomicLong(-1);
    private volatile boolean caughtUpOnce;
    private ScheduledExecutorService measuring;

    IndexerStatus(Supplier<Map<Integer, EventTrackerStatus>> segments, LongSupplier headPosition) {
        this.segments = segments;
        this.headPosition = headPosition;
    }

    public static IndexerStatus of(TrackingEventProcessor processor, EventStorageEngine events) {
        return new IndexerStatus(processor::processingStatus, () -> position(events.createHeadToken()));
    }

    /** Non-blocking: reads the processor's in-memory status. */
    public boolean ready() {
        if (!caughtUpOnce) {
            Map<Integer, EventTrackerStatus> status = segments.get();
            caughtUpOnce = !status.isEmpty() && status.values().stream()
                    .allMatch(s -> s.isCaughtUp() && !s.isReplaying() && s.getError() == null);
        }
        return caughtUpOnce;
    }

    /** Events in the log the indexer has not processed yet; -1 before the first measurement. */
    public long lag() {
        return lag.get();
    }

    /**
     * Registers the gauge and measures the lag every two seconds on a thread of its own: it
     * reads the event store, and Vert.x timers here blocked the event loops at start-up.
     */
    public void publish(MeterRegistry meters) {
        Gauge.builder("parley_search_indexer_lag_events", this, IndexerStatus::lag)
                .description("Events the search indexer has yet to process (-1: not measured yet)").register(meters);
        measuring = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-indexer-lag");
            thread.setDaemon(true);
            return thread;
        });
        measuring.scheduleWithFixedDelay(() -> {
            try {
                measure();
            } catch (RuntimeException e) {
                log.debug("measuring the search indexer's lag failed", e);
            }
        }, LAG_INTERVAL_MS, LAG_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (measuring != null) {
            measuring.shutdownNow();
        }
    }

    /** Blocking (reads the head of the event log). */
    long measure() {
        long at = segments.get().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        long behind = Math.max(0, headPosition.getAsLong() - at);
        lag.set(behind);
        return behind;
    }

    private static long position(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        return token == null ? -1 : token.position().orElse(-1);
    }
}
