package io.parley.search;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The search contract against a real Meilisearch at PARLEY_TEST_MEILI_URL (with
 * PARLEY_TEST_MEILI_KEY when it needs one); skipped when the variable is not set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealMeilisearchIndexTest extends SearchIndexContract {
    private static final Logger log = LoggerFactory.getLogger(RealMeilisearchIndexTest.class);

    private Vertx vertx;
    private MeilisearchIndex index;

    @BeforeAll
    void connect() {
        String url = System.getenv("PARLEY_TEST_MEILI_URL");
        if (url == null || url.isBlank()) {
            log.info("PARLEY_TEST_MEILI_URL is not set: skipping the search contract against a real Meilisearch");
            Assumptions.abort("PARLEY_TEST_MEILI_URL is not set");
        }
        vertx = Vertx.vertx();
        index = new MeilisearchIndex(vertx, url, System.getenv("PARLEY_TEST_MEILI_KEY"),
                "parley-test-" + UUID.randomUUID(), 10_000, 30_000);
        index.prepare();
    }

    @AfterAll
    void close() throws Exception {
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Override
    protected SearchIndex index() {
        return index;
    }

    @Override
    protected void write(List<IndexChange> changes) {
        index.write(changes);
    }
}
