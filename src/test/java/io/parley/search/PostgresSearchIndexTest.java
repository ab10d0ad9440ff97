package io.parley.search;

import io.parley.platform.storage.ThreadBoundTransactions;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The search contract on PostgreSQL full-text search, in the shared test server's database. */
@ExtendWith(SharedParley.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSearchIndexTest extends SearchIndexContract {
    private Vertx vertx;
    private ThreadBoundTransactions transactions;
    private PostgresSearchIndex index;

    @BeforeAll
    void connect(TestParley parley) {
        vertx = Vertx.vertx();
        transactions = parley.node().storage().transactions();
        index = new PostgresSearchIndex(transactions, parley.node().storage().reactivePool(vertx), 10_000);
        index.prepare();
    }

    @AfterAll
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Override
    protected SearchIndex index() {
        return index;
    }

    @Override
    protected void write(List<IndexChange> changes) {
        transactions.executeInTransaction(() -> index.write(changes));
    }
}
