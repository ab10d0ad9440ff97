package io.parley.search;

/** The running search: the index the configuration chose and its indexer's status. */
public record Search(SearchIndex index, IndexerStatus status) {
}
