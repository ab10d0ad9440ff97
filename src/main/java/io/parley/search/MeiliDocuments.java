package io.parley.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a message looks in Meilisearch and how a {@link SearchQuery} becomes a filter. Ids are
 * strings (a snowflake does not fit a double exactly); time order uses {@code ts} (the id's
 * millisecond part) then {@code seq} (its low 22 bits), both exact as numbers.
 */
final class MeiliDocuments {
    static final String[] FILTERABLE = {"guild_id", "channel_id", "author_id", "mentions", "pinned", "ts", "seq",
            "has_link", "has_embed", "has_file", "has_image", "has_video", "has_sticker"};
    static final String[] SORTABLE = {"ts", "seq"};
    /** "sort" first: a time-sorted search is ordered by time alone; without a sort it is relevance. */
    static final String[] RANKING = {"sort", "words", "typo", "proximity", "attribute", "exactness"};

    private MeiliDocuments() {
    }

    static JsonObject document(SearchDocument d) {
        JsonObject json = new JsonObject()
                .put("id", Long.toString(d.id()))
                .put("guild_id", Long.toString(d.guildId()))
                .put("channel_id", Long.toString(d.channelId()))
                .put("author_id", Long.toString(d.authorId()))
                .put("mentions", new JsonArray(d.mentions().stream().map(String::valueOf).toList()))
                .put("pinned", d.pinned())
                .put("content", d.content())
                .put("ts", d.id() >>> 22)
                .put("seq", d.id() & 0x3FFFFF);
        for (Has kind : Has.values()) {
            json.put("has_" + kind.wireName(), Has.in(d.has(), kind));
        }
        return json;
    }

    /** The partial document an edit merges into the stored one. */
    static JsonObject edit(IndexChange.Edit e) {
        return new JsonObject().put("id", Long.toString(e.messageId())).put("content", e.content())
                .put("has_link", Has.in(e.editableHas(), Has.LINK))
                .put("has_embed", Has.in(e.editableHas(), Has.EMBED));
    }

    static String filter(SearchQuery q) {
        List<String> parts = new ArrayList<>();
        parts.add("guild_id = " + quoted(q.guildId()));
        parts.add("channel_id IN " + list(q.channelIds()));
        if (!q.authorIds().isEmpty()) {
            parts.add("author_id IN " + list(q.authorIds()));
        }
        if (!q.mentions().isEmpty()) {
            parts.add("mentions IN " + list(q.mentions()));
        }
        for (Has kind : Has.values()) {
            if (Has.in(q.has(), kind)) {
                parts.add("has_" + kind.wireName() + " = true");
            }
        }
        if (q.pinned() != null) {
            parts.add("pinned = " + q.pinned());
        }
        if (q.minId() != null) {
            parts.add(after(q.minId()));
        }
        if (q.maxId() != null) {
            parts.add(before(q.maxId()));
        }
        return String.join(" AND ", parts);
    }

    static String channelFilter(long channelId) {
        return "channel_id = " + quoted(channelId);
    }

    static String guildFilter(long guildId) {
        return "guild_id = " + quoted(guildId);
    }

    static String authorSinceFilter(IndexChange.DeleteAuthorSince a) {
        return "guild_id = " + quoted(a.guildId()) + " AND author_id = " + quoted(a.authorId())
                + " AND NOT " + before(a.fromId());
    }

    private static String after(long id) {
        long ts = id >>> 22;
        long seq = id & 0x3FFFFF;
        return "(ts > " + ts + " OR (ts = " + ts + " AND seq > " + seq + "))";
    }

    private static String before(long id) {
        long ts = id >>> 22;
        long seq = id & 0x3FFFFF;
        return "(ts < " + ts + " OR (ts = " + ts + " AND seq < " + seq + "))";
    }

    private static String quoted(long id) {
        return "\"" + id + "\"";
    }

    private static String list(List<Long> ids) {
        return ids.stream().map(MeiliDocuments::quoted).collect(Collectors.joining(", ", "[", "]"));
    }
}
