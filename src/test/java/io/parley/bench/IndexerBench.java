package io.parley.bench;

import io.parley.message.Mentions;
import io.parley.message.MessageCommands.PostMessage;
import io.parley.search.SearchIndexer;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search indexer end to end (not a test): N messages posted through the command bus, then
 * the search processor reset and timed while it rebuilds the index from the event log, as
 * {@code parley replay search} does. Bounded: -Dmessages (100,000), -DmaxMinutes (15).
 */
public final class IndexerBench {
    private IndexerBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("messages", 100_000);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Integer.getInteger("maxMinutes", 15));
        try (BenchDataDir dataDir = new BenchDataDir();
             TestParley parley = TestParley.start(dataDir.path(), Map.of())) {
            ApiClient api = parley.client();
            Account owner = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Bench");
            long channel = Long.parseLong(guild.generalChannelId());
            long guildId = Long.parseLong(guild.id());
            long author = Long.parseLong(owner.id());
            var commands = parley.node().axon().commandGateway();
            var snowflakes = parley.node().services().snowflakes();
            AtomicLong sent = new AtomicLong();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            long started = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                int n = i;
                senders.execute(() -> {
                    if (System.nanoTime() < deadline) {
                        commands.sendAndWait(new PostMessage(snowflakes.next(), channel, guildId, author, 0,
                                "bench message " + n + " with a few more words https://example.com/" + n, null, false,
                                "[]", List.of(), null, Mentions.NONE, 0, Instant.now(), List.of(), null));
                        sent.incrementAndGet();
                    }
                });
            }
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.HOURS);
            System.out.printf("posted %,d messages in %.1f s%n", sent.get(), (System.nanoTime() - started) / 1e9);
            TrackingEventProcessor indexer = parley.node().axon().configuration().eventProcessingConfiguration()
                    .eventProcessor(SearchIndexer.GROUP, TrackingEventProcessor.class).orElseThrow();
            awaitCaughtUp(indexer, deadline);
            indexer.shutDown();
            indexer.resetTokens();
            started = System.nanoTime();
            indexer.start();
            awaitCaughtUp(indexer, deadline);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("search indexer rebuilt %,d messages from the event log in %.1f s: %,.0f messages/s%n",
                    sent.get(), seconds, sent.get() / seconds);
        }
    }

    private static void awaitCaughtUp(TrackingEventProcessor processor, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (!status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp() && !s.isReplaying())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not caught up before the deadline");
    }
}
