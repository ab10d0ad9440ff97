package io.parley.search;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The search index the configuration picks, and the indexer's own tracking processor feeding it. */
public final class SearchModule implements DomainModule {
    private static final Logger log = LoggerFactory.getLogger(SearchModule.class);

    private final SearchIndex index;
    private final int batchSize;

    public SearchModule(SearchIndex index, int batchSize) {
        this.index = index;
        this.batchSize = batchSize;
    }

    /** Meilisearch when meili.url is set, else PostgreSQL full-text search; prepared (blocking) before use. */
    public static SearchIndex createIndex(ParleyConfig.Search config, Vertx vertx, ConnectionProvider connections,
                                          Pool pool) {
        SearchIndex index = config.meiliUrl()
                .<SearchIndex>map(url -> new MeilisearchIndex(vertx, url, config.meiliApiKey().orElse(null),
                        config.meiliIndex(), config.maxTotalResults(), config.meiliTaskTimeoutMs()))
                .orElseGet(() -> new PostgresSearchIndex(connections, pool, config.maxTotalResults()));
        index.prepare();
        log.info("message search on {}", index.describe());
        return index;
    }

    public SearchIndex index() {
        return index;
    }

    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        configurer.eventProcessing(processing -> wiring.deadLettered(processing, SearchIndexer.GROUP)
                .registerTrackingEventProcessor(SearchIndexer.GROUP, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize))
                .registerEventHandler(wiring.guarded(SearchIndexer.GROUP, c -> new SearchIndexer(index, wiring.retries()))));
    }
}
