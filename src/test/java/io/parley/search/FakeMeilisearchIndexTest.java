package io.parley.search;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search contract on {@link MeilisearchIndex} against the fake Meilisearch, plus failure reporting. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeMeilisearchIndexTest extends SearchIndexContract {
    private FakeMeilisearch fake;
    private Vertx vertx;
    private MeilisearchIndex index;
    private final String uid = "messages-" + UUID.randomUUID();

    @BeforeAll
    void start() throws Exception {
        fake = new FakeMeilisearch();
        vertx = Vertx.vertx();
        index = new MeilisearchIndex(vertx, fake.url(), "test-key", uid, 10_000, 5_000);
        index.prepare();
    }

    @AfterAll
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        fake.close();
    }

    @Override
    protected SearchIndex index() {
        return index;
    }

    @Override
    protected void write(List<IndexChange> changes) {
        index.write(changes);
    }

    @Test
    void aFailedTaskFailsTheWriteWithMeilisearchsReason() {
        fake.failNextTasks(1, "internal", "No space left on device");
        SearchDocument doc = new SearchDocument(1, 2, 3, 4, "lost", List.of(), 0, false);
        SearchIndexException failure = assertThrows(SearchIndexException.class,
                () -> index.write(List.of(new IndexChange.Put(doc))));
        assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
    }

    @Test
    void preparingAgainKeepsTheIndexAndItsDocuments() {
        index.write(List.of(new IndexChange.Put(new SearchDocument(11, 12, 13, 14, "kept", List.of(), 0, false))));
        int before = fake.documentCount(uid);
        index.prepare();
        assertEquals(before, fake.documentCount(uid));
    }

    @Test
    void clearingRemovesEveryDocument() throws Exception {
        String other = "cleared-" + UUID.randomUUID();
        MeilisearchIndex cleared = new MeilisearchIndex(vertx, fake.url(), null, other, 10_000, 5_000);
        cleared.prepare();
        cleared.write(List.of(new IndexChange.Put(new SearchDocument(21, 22, 23, 24, "gone", List.of(), 0, false))));
        assertEquals(1L, cleared.documentCount().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
        cleared.clear();
        assertEquals(0L, cleared.documentCount().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
    }
}
