package io.parley.search;

import java.util.List;

/** One page of matching message ids, best first, and how many matched in all (counted up to a cap). */
public record SearchHits(long total, List<Long> messageIds) {
}
