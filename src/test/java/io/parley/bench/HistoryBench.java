package io.parley.bench;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * History-page benchmark (not a test): one channel with N messages, then timed
 * {@code GET /channels/{id}/messages?limit=50&before=<random id>} over HTTP.
 * Rows go straight into the read table, because what is measured is the read path.
 * Run: see docs/benchmarks.md. Bounded: -Dmessages (default 1,000,000), -Drequests (20,000), -Dconcurrency (8).
 */
public final class HistoryBench {
    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("messages", 1_000_000);
        int requests = Integer.getInteger("requests", 20_000);
        int concurrency = Integer.getInteger("concurrency", 8);
        try (TestParley parley = TestParley.start(Files.createTempDirectory("parley-bench-"), Map.of())) {
            ApiClient api = parley.client();
            Account owner = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Bench");
            long channel = Long.parseLong(guild.generalChannelId());
            long firstId = fill(parley, channel, Long.parseLong(guild.id()), Long.parseLong(owner.id()), messages);
            String base = api.base() + ApiClient.API + "/channels/" + channel + "/messages?limit=50&before=";
            HttpClient http = HttpClient.newBuilder().build();
            run(http, base, owner.token(), firstId, messages, 2_000, concurrency);
            long[] latencies = run(http, base, owner.token(), firstId, messages, requests, concurrency);
            Arrays.sort(latencies);
            System.out.printf("history page of 50 over %,d messages: %,d requests, concurrency %d%n",
                    messages, requests, concurrency);
            System.out.printf("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", ms(latencies, 0.50),
                    ms(latencies, 0.90), ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        }
    }

    private static long fill(TestParley parley, long channel, long guild, long author, int count) throws Exception {
        long firstId = (System.currentTimeMillis() - 1420070400000L - 86_400_000L) << 22;
        long started = System.nanoTime();
        try (Connection c = parley.node().storage().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO messages (id, channel_id, guild_id, author_id, type, content, tts, mention_everyone, flags)"
                    + " SELECT " + firstId + " + (g::bigint << 16), " + channel + ", " + guild + ", " + author
                    + ", 0, 'message ' || g, false, false, 0 FROM generate_series(0, " + (count - 1) + ") g");
            s.execute("ANALYZE messages");
        }
        System.out.printf("filled %,d messages in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        return firstId;
    }

    private static long[] run(HttpClient http, String base, String token, long firstId, int messages, int requests,
                              int concurrency) throws Exception {
        long[] latencies = new long[requests];
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < requests; i++) {
            int index = i;
            workers.execute(() -> {
                long before = firstId + ((long) ThreadLocalRandom.current().nextInt(50, messages) << 16);
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + before))
                        .header("Authorization", token).build();
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                latencies[index] = System.nanoTime() - start;
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("benchmark did not finish in 10 minutes");
        }
        return latencies;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1e6;
    }
}
