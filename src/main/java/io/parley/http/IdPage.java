package io.parley.http;

import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Discord's {@code before}/{@code after}/{@code limit} paging of a list sorted by id: with only
 * {@code before}, the {@code limit} entries closest below it; otherwise the first {@code limit}
 * above {@code after} (and below {@code before} when both are given); always in ascending order.
 */
public record IdPage(Long before, Long after, int limit) {

    /** Reads the three parameters; {@code limit} is 1..{@code max}, {@code max} when absent (400 otherwise). */
    public static IdPage of(RoutingContext ctx, int max) {
        return new IdPage(Query.id(ctx, "before"), Query.id(ctx, "after"), Query.intIn(ctx, "limit", 1, max, max));
    }

    /** Whether the page is taken from the top end (only {@code before} given). */
    public boolean fromTheEnd() {
        return before != null && after == null;
    }

    public <T> List<T> of(List<T> sortedById, ToLongFunction<T> id) {
        List<T> inRange = new ArrayList<>();
        for (T item : sortedById) {
            long value = id.applyAsLong(item);
            if ((after == null || value > after) && (before == null || value < before)) {
                inRange.add(item);
            }
        }
        if (inRange.size() <= limit) {
            return inRange;
        }
        return fromTheEnd() ? inRange.subList(inRange.size() - limit, inRange.size()) : inRange.subList(0, limit);
    }

    /** Rows fetched in descending order for a {@link #fromTheEnd()} page, put back in ascending order. */
    public <T> List<T> ascending(List<T> fetched) {
        if (fromTheEnd()) {
            List<T> copy = new ArrayList<>(fetched);
            Collections.reverse(copy);
            return copy;
        }
        return fetched;
    }
}
