package io.parley;

import io.parley.platform.config.ParleyConfig;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.util.List;
import java.util.Map;

/**
 * {@code parley replay <projection>|all}: empties a projection's tables (its reset handler)
 * and rebuilds them from the event log, printing progress. Needs the node's processors to
 * itself: run it while Parley is stopped.
 */
final class Replay {
    /** Projections that only derive tables; processors with side effects are never replayed. */
    static final List<String> PROJECTIONS = List.of("accounts", "guilds", "members", "invites", "audit-log", "messages",
            "relationships", "private-channels", "read-states",
            "search", "emojis");

    private Replay() {
    }

    static int run(ParleyConfig config, String which) throws Exception {
        List<String> names = "all".equals(which) ? PROJECTIONS : List.of(which);
        if (!PROJECTIONS.containsAll(names)) {
            System.err.println("parley: unknown projection '" + which + "'; one of " + PROJECTIONS + " or all");
            return 2;
        }
        try (ParleyNode node = ParleyNode.startHeadless(config)) {
            var processing = node.axon().configuration().eventProcessingConfiguration();
            for (String name : names) {
                TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                        .orElseThrow();
                processor.shutDown();
                try {
                    processor.resetTokens();
                } catch (RuntimeException e) {
                    System.err.println("parley: cannot replay " + name + " while a running Parley holds it ("
                            + e.getMessage() + "); stop Parley first");
                    return 1;
                }
                processor.start();
                awaitCaughtUp(name, processor);
            }
        }
        return 0;
    }

    private static void awaitCaughtUp(String name, TrackingEventProcessor processor) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            Thread.sleep(500);
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).max().orElse(0);
            boolean caughtUp = !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
            System.out.printf("%s: at event %d%s%n", name, position, caughtUp ? ", caught up" : "");
            if (caughtUp) {
                System.out.printf("%s rebuilt in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
                return;
            }
        }
    }
}
