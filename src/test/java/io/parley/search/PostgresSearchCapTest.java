package io.parley.search;

import io.parley.platform.storage.ThreadBoundTransactions;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL search past search.max_total_results (3 here): total_results stops at the cap,
 * pages come from the newest (or, ascending, the oldest) cap matches, and relevance ranks only
 * the newest cap matches, as docs/api.md says.
 */
@ExtendWith(SharedParley.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSearchCapTest {
    private static final int CAP = 3;

    private Vertx vertx;
    private ThreadBoundTransactions transactions;
    private PostgresSearchIndex index;
    private long guild;
    private long channel;
    private final List<Long> ids = new ArrayList<>();

    @BeforeAll
    void writeFiveMatches(TestParley parley) {
        vertx = Vertx.vertx();
        transactions = parley.node().storage().transactions();
        index = new PostgresSearchIndex(transactions, parley.node().storage().reactivePool(vertx), CAP);
        guild = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        channel = guild + 1;
        long base = ((System.currentTimeMillis() - 1420070400000L - 2 * 86_400_000L) << 22)
                + ThreadLocalRandom.current().nextLong(1L << 30);
        // the oldest match has the word most often, so relevance over every match would put it first
        List<String> contents = List.of("cap cap cap cap", "cap", "cap plain", "cap cap", "cap other");
        List<IndexChange> puts = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            long id = base + ((long) i << 22);
            ids.add(id);
            puts.add(new IndexChange.Put(new SearchDocument(id, guild, channel, 7, contents.get(i), List.of(), 0,
                    false)));
        }
        transactions.executeInTransaction(() -> index.write(puts));
    }

    @AfterAll
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private SearchHits search(boolean relevance, boolean ascending, int offset, int limit) throws Exception {
        return index.search(new SearchQuery(guild, List.of(channel), "cap", List.of(), List.of(), 0, null, null, null,
                relevance, ascending, offset, limit)).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void totalStopsAtTheCapOnEveryPage() throws Exception {
        assertEquals(CAP, search(false, false, 0, 2).total());
        assertEquals(CAP, search(false, false, 2, 1).total());
        assertEquals(CAP, search(true, false, 1, 2).total());
    }

    @Test
    void timeOrderPagesThroughTheNewestOrOldestMatches() throws Exception {
        assertEquals(List.of(ids.get(4), ids.get(3)), search(false, false, 0, 2).messageIds());
        assertEquals(List.of(ids.get(2)), search(false, false, 2, 1).messageIds());
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2)), search(false, true, 0, 3).messageIds());
    }

    @Test
    void relevanceRanksTheNewestMatchesOnly() throws Exception {
        List<Long> ranked = search(true, false, 0, 3).messageIds();
        assertEquals(3, ranked.size());
        assertEquals(ids.get(3), ranked.get(0));
        assertEquals(List.of(ids.get(2), ids.get(3), ids.get(4)), ranked.stream().sorted().toList());
    }
}
