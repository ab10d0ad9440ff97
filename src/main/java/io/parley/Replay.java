package io.parley;

import io.parley.admin.OperatorToken;
import io.parley.admin.ProjectionReplays;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.storage.DataDirLock;
import io.vertx.core.json.JsonObject;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code parley replay <projection>|all}: empties a projection's tables (its reset handler)
 * and rebuilds them from the event log, printing progress. When a Parley serves on this data
 * directory (it holds the lock and left {@code admin.json}), that node does the replay through
 * its {@code /_admin} endpoint and keeps serving; otherwise this process does it.
 */
final class Replay {
    /** Projections that only derive tables; processors with side effects are never replayed. */
    static final List<String> PROJECTIONS = ProjectionReplays.PROJECTIONS;
    /** Longer than a dead process's claim can last (single node: claims time out after 10 s). */
    private static final long UNCLAIMED_LIMIT_MS = 30_000;

    private Replay() {
    }

    static int run(ParleyConfig config, String which) throws Exception {
        List<String> names = "all".equals(which) ? PROJECTIONS : List.of(which);
        if (!PROJECTIONS.containsAll(names)) {
            System.err.println("parley: unknown projection '" + which + "'; one of " + PROJECTIONS + " or all");
            return 2;
        }
        Optional<JsonObject> running = runningNode(config);
        if (running.isPresent()) {
            return new LiveReplay(running.get().getString("url"), running.get().getString("token"), System.out)
                    .run(names);
        }
        try (ParleyNode node = ParleyNode.startHeadless(config)) {
            var processing = node.axon().configuration().eventProcessingConfiguration();
            for (String name : names) {
                TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                        .orElseThrow();
                // A processor stopped before its worker has claimed its segment can leave that
                // worker running with no status, and the wait below would never end.
                awaitClaimed(processor);
                processor.shutDown();
                try {
                    processor.resetTokens();
                } catch (RuntimeException e) {
                    System.err.println("parley: cannot replay " + name + " while a running Parley holds it ("
                            + e.getMessage() + "); stop Parley first");
                    return 1;
                }
                processor.start();
                if (!awaitCaughtUp(name, processor)) {
                    return 1;
                }
            }
        }
        return 0;
    }

    /**
     * The node serving on this data directory: with the embedded database, one holds the lock;
     * with an external one, a node that left admin.json and still answers.
     */
    static Optional<JsonObject> runningNode(ParleyConfig config) throws Exception {
        Optional<JsonObject> published = OperatorToken.read(config.dataDir());
        if (config.db().isEmbedded()) {
            Optional<DataDirLock> free = DataDirLock.tryAcquire(config.dataDir());
            if (free.isPresent()) {
                free.get().close();
                return Optional.empty();
            }
            if (published.isEmpty()) {
                throw new IllegalStateException("a Parley holds " + config.dataDir() + " but left no "
                        + OperatorToken.FILE + " (still starting?); try again");
            }
            return published;
        }
        return published.filter(Replay::answers);
    }

    private static boolean answers(JsonObject node) {
        try {
            var http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.getString("url") + "/_health"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitClaimed(TrackingEventProcessor processor) throws InterruptedException {
        long deadline = System.currentTimeMillis() + UNCLAIMED_LIMIT_MS;
        while (processor.processingStatus().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    private static boolean awaitCaughtUp(String name, TrackingEventProcessor processor) throws InterruptedException {
        long started = System.nanoTime();
        long heldAt = System.currentTimeMillis();
        while (true) {
            Thread.sleep(500);
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (!status.isEmpty()) {
                heldAt = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - heldAt > UNCLAIMED_LIMIT_MS) {
                System.err.println("parley: the " + name + " processor has not claimed its segment for "
                        + UNCLAIMED_LIMIT_MS / 1000 + " s (another process holds it?); replay it again");
                return false;
            }
            long position = status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).max().orElse(0);
            boolean caughtUp = !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
            System.out.printf("%s: at event %d%s%n", name, position, caughtUp ? ", caught up" : "");
            if (caughtUp) {
                System.out.printf("%s rebuilt in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
                return true;
            }
        }
    }
}
