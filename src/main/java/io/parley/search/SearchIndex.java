package io.parley.search;

import io.vertx.core.Future;

import java.util.List;

/**
 * Where message search documents live: {@link PostgresSearchIndex} (the default) or
 * {@link MeilisearchIndex}. Writes come from the indexer's thread and may block; searches come
 * from event loops and never do.
 */
public interface SearchIndex {

    /** Creates or migrates what the index needs (blocking, once at start). */
    void prepare();

    /** Applies changes in order; throws {@link SearchIndexException} when any of them failed. */
    void write(List<IndexChange> changes);

    /** Removes every document (before a replay). */
    void clear();

    Future<SearchHits> search(SearchQuery query);

    /** Documents indexed so far, for the "index not yet ready" reply. */
    Future<Long> documentCount();

    /** For logs and docs: which implementation this is. */
    String describe();
}
