package io.parley.bench;

import io.parley.search.IndexChange;
import io.parley.search.PostgresSearchIndex;
import io.parley.search.SearchDocument;
import io.parley.search.Has;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Search benchmark on the PostgreSQL default (not a test): N synthetic messages (Zipf-distributed
 * words from a 20,000-word vocabulary, 3-20 words each, some links and mentions) written through
 * {@link PostgresSearchIndex#write} in transactions of the indexer's batch size, then timed
 * {@code GET /guilds/{id}/messages/search} over HTTP with a mix of queries.
 * Run: see docs/benchmarks.md. Bounded: -Dmessages (1,000,000), -Drequests (5,000), -Dconcurrency (1),
 * -DmaxMinutes (20, for the whole run); -DmaxTotal sets search.max_total_results, -DsharedBuffersMb
 * db.embedded.shared_buffers_mb (512), -Drounds (1) times every query kind; -DdataDir=path keeps the data there and a later run reuses it.
 */
public final class SearchBench {
    private static final int VOCABULARY = 20_000;
    private static final int BATCH = 500;

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("messages", 1_000_000);
        int requests = Integer.getInteger("requests", 5_000);
        int concurrency = Integer.getInteger("concurrency", 1);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Integer.getInteger("maxMinutes", 20));
        String[] words = vocabulary(new Random(1));
        double[] zipf = zipfCumulative(VOCABULARY);
        Map<String, String> settings = new java.util.HashMap<>();
        if (System.getProperty("maxTotal") != null) {
            settings.put("search.max_total_results", System.getProperty("maxTotal"));
        }
        // config/parley.yaml's default (TestParley lowers it for tests)
        settings.put("db.embedded.shared_buffers_mb", System.getProperty("sharedBuffersMb", "512"));
        String keep = System.getProperty("dataDir");
        try (BenchDataDir dataDir = keep == null ? new BenchDataDir() : BenchDataDir.kept(java.nio.file.Path.of(keep));
             TestParley parley = TestParley.start(dataDir.path(), settings)) {
            ApiClient api = parley.client();
            var storage = parley.node().storage();
            java.nio.file.Path saved = dataDir.path().resolve("search-bench.properties");
            java.util.Properties bench = new java.util.Properties();
            if (java.nio.file.Files.exists(saved)) {
                try (var in = java.nio.file.Files.newInputStream(saved)) {
                    bench.load(in);
                }
                System.out.println("reusing the messages generated in " + dataDir.path());
            } else {
                generate(api, storage, messages, words, zipf, deadline, bench);
                if (keep != null) {
                    try (var out = java.nio.file.Files.newOutputStream(saved)) {
                        bench.store(out, "SearchBench data");
                    }
                }
            }
            String token = bench.getProperty("token");
            long guildId = Long.parseLong(bench.getProperty("guild"));
            List<Long> authors = longs(bench.getProperty("authors"));
            List<Long> channels = longs(bench.getProperty("channels"));
            try (Connection c = storage.dataSource().getConnection(); Statement s = c.createStatement();
                 var rows = s.executeQuery("SELECT current_setting('shared_buffers'),"
                         + " pg_size_pretty(pg_total_relation_size('search_messages')),"
                         + " pg_size_pretty(pg_relation_size('search_messages')),"
                         + " pg_size_pretty(pg_total_relation_size('messages'))")) {
                rows.next();
                System.out.printf("shared_buffers %s; search_messages %s (heap %s), messages %s; load %s%n",
                        rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), load());
            }
            String base = api.base() + ApiClient.API + "/guilds/" + guildId + "/messages/search?";
            HttpClient http = HttpClient.newBuilder().build();
            awaitIndexReady(http, base, token, deadline);
            run(http, base, token, words, zipf, authors, Math.min(500, requests), concurrency, deadline);
            for (int round = 1; round <= Integer.getInteger("rounds", 1); round++) {
                System.out.println("round " + round);
                timeEveryKind(http, base, token, words, zipf, authors, requests, concurrency, deadline);
            }
            // after the timed rounds, so the plans show the steady state's buffer hits and reads
            if (Boolean.getBoolean("explain")) {
                explain(storage.dataSource(), guildId, channels, authors, words, zipf);
            }
        }
    }

    /** A restarted Parley answers 202 until its search indexer has caught up with the event log. */
    private static void awaitIndexReady(HttpClient http, String base, String token, long deadline) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "content=ready")).header("Authorization", token)
                .build();
        while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private static void timeEveryKind(HttpClient http, String base, String token, String[] words, double[] zipf,
                                      List<Long> authors, int requests, int concurrency, long deadline)
            throws Exception {
        for (String kind : List.of("common word", "rare word", "two words", "word + author", "author only",
                "has link", "relevance")) {
            long[] latencies = run(http, base, token, words, zipf, authors, requests, concurrency, deadline, kind);
            Arrays.sort(latencies);
            System.out.printf("%-14s %,d requests, concurrency %d: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms"
                            + " (load %s)%n", kind, latencies.length, concurrency, ms(latencies, 0.50),
                    ms(latencies, 0.90), ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6, load());
        }
    }

    /** Registers the authors, creates the guild and writes the messages; records their ids in {@code bench}. */
    private static void generate(ApiClient api, io.parley.platform.storage.Storage storage, int messages,
                                 String[] words, double[] zipf, long deadline, java.util.Properties bench)
            throws Exception {
        Account owner = api.register("correct horse battery");
        List<Long> authors = new ArrayList<>(List.of(Long.parseLong(owner.id())));
        for (int i = 0; i < 4; i++) {
            authors.add(Long.parseLong(api.register("correct horse battery").id()));
        }
        Guild guild = Guilds.create(api, owner, "Bench");
        long guildId = Long.parseLong(guild.id());
        List<Long> channels = new ArrayList<>(List.of(Long.parseLong(guild.generalChannelId())));
        for (int i = 0; i < 4; i++) {
            channels.add(Long.parseLong(api.post(ApiClient.API + "/guilds/" + guild.id() + "/channels",
                    new io.vertx.core.json.JsonObject().put("name", "c" + i), owner.token()).json().getString("id")));
        }
        PostgresSearchIndex index = new PostgresSearchIndex(storage.transactions(), null, 10_000);
        Random random = new Random(2);
        long firstId = (System.currentTimeMillis() - 1420070400000L - 30L * 86_400_000L) << 22;
        long indexNanos = 0;
        int written = 0;
        while (written < messages && System.nanoTime() < deadline) {
            List<IndexChange> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH && written < messages; i++, written++) {
                batch.add(new IndexChange.Put(message(random, words, zipf, firstId + ((long) written << 16),
                        guildId, channels, authors)));
            }
            long started = System.nanoTime();
            storage.transactions().executeInTransaction(() -> index.write(batch));
            indexNanos += System.nanoTime() - started;
        }
        System.out.printf("indexed %,d messages in %.1f s: %,.0f messages/s (batches of %d, one thread)%n",
                written, indexNanos / 1e9, written / (indexNanos / 1e9), BATCH);
        try (Connection c = storage.dataSource().getConnection(); Statement s = c.createStatement()) {
            long started = System.nanoTime();
            s.execute("INSERT INTO messages (id, channel_id, guild_id, author_id, type, content, tts,"
                    + " mention_everyone, flags, mentions) SELECT id, channel_id, guild_id, author_id, 0, content,"
                    + " false, false, 0, mentions FROM search_messages");
            // what autovacuum does to freshly loaded tables (hint bits, visibility map, statistics)
            s.execute("VACUUM ANALYZE messages");
            s.execute("VACUUM ANALYZE search_messages");
            System.out.printf("copied them into messages in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        bench.setProperty("token", owner.token());
        bench.setProperty("guild", Long.toString(guildId));
        bench.setProperty("authors", joined(authors));
        bench.setProperty("channels", joined(channels));
    }

    private static String joined(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Long> longs(String joined) {
        return Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** Prints the plan of one sample of each query kind (-Dexplain=true): what limits the slow ones. */
    private static void explain(javax.sql.DataSource data, long guild, List<Long> channels, List<Long> authors,
                                String[] words, double[] zipf) throws Exception {
        Random random = new Random(3);
        List<io.parley.search.SearchQuery> samples = List.of(
                new io.parley.search.SearchQuery(guild, channels, words[3], List.of(), List.of(), 0, null, null, null,
                        false, false, 0, 25),
                new io.parley.search.SearchQuery(guild, channels, words[sample(random, zipf)] + " "
                        + words[sample(random, zipf)], List.of(), List.of(), 0, null, null, null, false, false, 0, 25),
                new io.parley.search.SearchQuery(guild, channels, words[sample(random, zipf)], List.of(authors.get(1)),
                        List.of(), 0, null, null, null, false, false, 0, 25),
                new io.parley.search.SearchQuery(guild, channels, words[5], List.of(), List.of(), 0, null, null, null,
                        true, false, 0, 25),
                new io.parley.search.SearchQuery(guild, channels, words[15_000], List.of(), List.of(), 0, null, null,
                        null, true, false, 0, 25));
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            for (var q : samples) {
                System.out.println("-- " + q.content() + (q.authorIds().isEmpty() ? "" : " + author")
                        + (q.byRelevance() ? " (relevance)" : ""));
                for (String sql : PostgresSearchIndex.searchSql(q, 1000)) {
                    try (var rows = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                        while (rows.next()) {
                            System.out.println(rows.getString(1));
                        }
                    }
                }
            }
        }
    }

    private static SearchDocument message(Random random, String[] words, double[] zipf, long id, long guild,
                                          List<Long> channels, List<Long> authors) {
        int length = 3 + random.nextInt(18);
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < length; i++) {
            content.append(i == 0 ? "" : " ").append(words[sample(random, zipf)]);
        }
        int has = 0;
        if (random.nextInt(20) == 0) {
            content.append(" https://example.com/p/").append(random.nextInt(100_000));
            has |= Has.LINK.bit();
        }
        List<Long> mentions = random.nextInt(10) == 0 ? List.of(authors.get(random.nextInt(authors.size()))) : List.of();
        return new SearchDocument(id, guild, channels.get(random.nextInt(channels.size())),
                authors.get(random.nextInt(authors.size())), content.toString(), mentions, has, false);
    }

    private static String query(Random random, String[] words, double[] zipf, List<Long> authors, String kind) {
        String author = "author_id=" + authors.get(random.nextInt(authors.size()));
        return switch (kind) {
            case "common word" -> "content=" + words[random.nextInt(20)];
            case "rare word" -> "content=" + words[1000 + random.nextInt(VOCABULARY - 1000)];
            case "two words" -> "content=" + URLEncoder.encode(words[sample(random, zipf)] + " "
                    + words[sample(random, zipf)], StandardCharsets.UTF_8);
            case "word + author" -> "content=" + words[sample(random, zipf)] + "&" + author;
            case "author only" -> author;
            case "has link" -> "has=link";
            default -> "content=" + words[sample(random, zipf)] + "&sort_by=relevance";
        };
    }

    private static long[] run(HttpClient http, String base, String token, String[] words, double[] zipf,
                              List<Long> authors, int requests, int concurrency, long deadline) throws Exception {
        return run(http, base, token, words, zipf, authors, requests, concurrency, deadline, "common word");
    }

    private static long[] run(HttpClient http, String base, String token, String[] words, double[] zipf,
                              List<Long> authors, int requests, int concurrency, long deadline, String kind)
            throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < requests; i++) {
            int slot = i;
            workers.execute(() -> {
                if (System.nanoTime() > deadline) {
                    return;
                }
                Random random = new Random(slot * 31L + kind.hashCode());
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + query(random, words, zipf, authors, kind)))
                        .header("Authorization", token).build();
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                latencies[slot] = System.nanoTime() - start;
                done.incrementAndGet();
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        return Arrays.stream(latencies).filter(l -> l > 0).toArray();
    }

    private static String[] vocabulary(Random random) {
        String[] syllables = {"ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "vel", "dor", "an", "qu", "es", "zi",
                "ro", "ba", "te", "ly", "gon", "ur"};
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < VOCABULARY) {
            int parts = 2 + random.nextInt(3);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < parts; i++) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    private static double[] zipfCumulative(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int sample(Random random, double[] cumulative) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1e6;
    }
}
