package io.parley.search;

import io.parley.http.Query;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The search filters of Discord's message search, read from query parameters or a JSON body
 * (each name may repeat or hold an array); every bad value is reported at once as 400.
 */
public record SearchParams(String content, List<Long> authorIds, List<Long> mentions, List<Long> channelIds,
                           int has, Boolean pinned, Long minId, Long maxId, boolean byRelevance, boolean ascending,
                           int offset, int limit) {
    public static final int MAX_CONTENT = 1024;
    public static final int MAX_LIMIT = 25;
    private static final int MAX_IDS = 100;

    /** {@code values} gives every value of a parameter name, empty when absent. */
    public static SearchParams parse(Function<String, List<String>> values, int maxTotal) {
        Reader r = new Reader(values);
        String content = r.single("content");
        if (content != null && content.length() > MAX_CONTENT) {
            r.error("content", "At most " + MAX_CONTENT + " characters");
        }
        List<Long> authors = r.ids("author_id");
        List<Long> mentions = r.ids("mentions");
        List<Long> channels = r.ids("channel_id");
        int has = 0;
        for (String kind : values.apply("has")) {
            var parsed = Has.byWireName(kind);
            if (parsed.isEmpty()) {
                r.error("has", "One of link, embed, file, image, video, sticker");
            } else {
                has |= parsed.get().bit();
            }
        }
        Boolean pinned = r.bool("pinned");
        Long minId = r.id("min_id");
        Long maxId = r.id("max_id");
        String sortBy = r.oneOf("sort_by", "timestamp", "relevance");
        String sortOrder = r.oneOf("sort_order", "desc", "asc");
        int limit = r.integer("limit", 1, MAX_LIMIT, MAX_LIMIT);
        int offset = r.integer("offset", 0, maxTotal - limit, 0);
        r.done();
        return new SearchParams(content, authors, mentions, channels, has, pinned, minId, maxId,
                "relevance".equals(sortBy), "asc".equals(sortOrder), offset, limit);
    }

    public SearchQuery in(long guildId, List<Long> searchableChannels) {
        return new SearchQuery(guildId, searchableChannels, content, authorIds, mentions, has, pinned, minId, maxId,
                byRelevance, ascending, offset, limit);
    }

    private static final class Reader {
        private final Function<String, List<String>> values;
        private final List<FieldError> errors = new ArrayList<>();

        Reader(Function<String, List<String>> values) {
            this.values = values;
        }

        void error(String name, String message) {
            errors.add(new FieldError(name, message));
        }

        String single(String name) {
            List<String> all = values.apply(name);
            if (all.size() > 1) {
                error(name, "Give it once");
            }
            return all.isEmpty() || all.get(0).isEmpty() ? null : all.get(0);
        }

        List<Long> ids(String name) {
            List<String> all = values.apply(name);
            if (all.size() > MAX_IDS) {
                error(name, "At most " + MAX_IDS + " values");
                return List.of();
            }
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Long id = snowflake(all.size() == 1 ? name : name + "." + i, all.get(i));
                if (id != null) {
                    ids.add(id);
                }
            }
            return ids.stream().distinct().toList();
        }

        Long id(String name) {
            String raw = single(name);
            return raw == null ? null : snowflake(name, raw);
        }

        private Long snowflake(String path, String raw) {
            try {
                long id = Long.parseLong(raw);
                if (id >= 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(path, "Must be a snowflake");
            return null;
        }

        Boolean bool(String name) {
            String raw = single(name);
            if (raw == null) {
                return null;
            }
            if (raw.equals("true") || raw.equals("false")) {
                return Boolean.valueOf(raw);
            }
            error(name, "Must be true or false");
            return null;
        }

        String oneOf(String name, String fallback, String other) {
            String raw = single(name);
            if (raw == null) {
                return fallback;
            }
            if (!raw.equals(fallback) && !raw.equals(other)) {
                error(name, "One of " + fallback + ", " + other);
            }
            return raw;
        }

        int integer(String name, int min, int max, int fallback) {
            String raw = single(name);
            if (raw == null) {
                return fallback;
            }
            Integer value = Query.wholeNumberIn(raw, min, max);
            if (value == null) {
                error(name, Query.wholeNumberMessage(min, max));
                return fallback;
            }
            return value;
        }

        void done() {
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
        }
    }
}
