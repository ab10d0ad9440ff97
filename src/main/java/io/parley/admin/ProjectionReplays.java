package io.parley.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a projection on a serving node: stop its processor, reset its token (the
 * projection's reset handler empties its tables in the same transaction), start it again and
 * watch it catch up. Runs on its own thread: stopping a processor blocks.
 */
public final class ProjectionReplays implements AutoCloseable {
    /** Projections that only derive tables; processors with side effects are never replayed. */
    public static final List<String> PROJECTIONS =
            List.of("accounts", "guilds", "members", "invites", "audit-log", "messages",
                    "relationships", "private-channels", "read-states", "search", "emojis", "stickers", "webhooks",
                    "voice-states", "user-settings", "user-guild-settings");

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);
    /** Longer than a claim interval: a processor restarted here claims its segment well within it. */
    private static final long LOST_CLAIM_MS = 30_000;

    public enum State { STOPPING, REPLAYING, DONE, FAILED }

    /** One replay's progress; {@code finishedAtMillis} is 0 until it ends. */
    public record Run(String projection, State state, long startedAtMillis, long finishedAtMillis, String error) {
        Run with(State next, String error) {
            boolean ended = next == State.DONE || next == State.FAILED;
            return new Run(projection, next, startedAtMillis, ended ? System.currentTimeMillis() : 0, error);
        }
    }

    private final EventProcessingConfiguration processing;
    private final ClaimedReset reset;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "parley-replay");
        t.setDaemon(true);
        return t;
    });

    ProjectionReplays(EventProcessingConfiguration processing, ClaimedReset reset) {
        this.processing = processing;
        this.reset = reset;
    }

    public Optional<TrackingEventProcessor> processor(String projection) {
        return PROJECTIONS.contains(projection)
                ? processing.eventProcessor(projection, TrackingEventProcessor.class) : Optional.empty();
    }

    /** Starts a replay unless one of this projection is under way; returns its run either way. */
    public Run start(String projection) {
        TrackingEventProcessor processor = processor(projection).orElseThrow();
        return runs.compute(projection, (name, current) -> {
            if (current != null && current.finishedAtMillis() == 0) {
                return current;
            }
            Run run = new Run(name, State.STOPPING, System.currentTimeMillis(), 0, null);
            thread.execute(() -> replay(processor, run));
            return run;
        });
    }

    public Optional<Run> last(String projection) {
        return Optional.ofNullable(runs.get(projection));
    }

    private void replay(TrackingEventProcessor processor, Run run) {
        String name = run.projection();
        try {
            log.info("replay of {}: stopping its processor", name);
            processor.shutDown();
            reset.reset(processor);
            processor.start();
            runs.put(name, run.with(State.REPLAYING, null));
            log.info("replay of {}: tables emptied, rebuilding from the event log", name);
            // A replay token stays "replaying" until an event newer than the reset arrives, so
            // progress is judged by position: caught up with the log as it was at the reset.
            long heldAt = System.currentTimeMillis();
            while (!ProjectionPositions.caughtUp(processor)) {
                if (!processor.processingStatus().isEmpty()) {
                    heldAt = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - heldAt > LOST_CLAIM_MS) {
                    throw new IllegalStateException("another node claimed the " + name + " processor while it was"
                            + " reset; the rebuild goes on there (parley_projection_lag_events on that node)");
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            Run done = run.with(State.DONE, null);
            runs.put(name, done);
            log.info("replay of {} done in {} ms", name, done.finishedAtMillis() - done.startedAtMillis());
        } catch (Exception e) {
            log.error("replay of {} failed", name, e);
            if (!processor.isRunning()) {
                processor.start();
            }
            runs.put(name, run.with(State.FAILED, String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
