package io.parley.search;

/** The search index refused or failed a write or a search; the indexer retries its batch. */
public final class SearchIndexException extends RuntimeException {
    public SearchIndexException(String message) {
        super(message);
    }

    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
