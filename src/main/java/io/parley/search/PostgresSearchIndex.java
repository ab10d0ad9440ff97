package io.parley.search;

import io.parley.platform.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Search on PostgreSQL full-text search: the search_messages table (V10), a 'simple' tsvector
 * (no stemming, no stop words: chat is multilingual) under a GIN index. Writes run on the
 * indexer's JDBC connection, so they commit with its tracking token.
 */
public final class PostgresSearchIndex implements SearchIndex {
    private static final String PUT = """
            INSERT INTO search_messages (id, guild_id, channel_id, author_id, mentions, has, pinned, content)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""";

    private final ConnectionProvider connections;
    private final Pool pool;
    private final int maxTotal;

    public PostgresSearchIndex(ConnectionProvider connections, Pool pool, int maxTotal) {
        this.connections = connections;
        this.pool = pool;
        this.maxTotal = maxTotal;
    }

    @Override
    public void prepare() {
        // the table comes with the V10 migration
    }

    @Override
    public void write(List<IndexChange> changes) {
        try {
            Connection connection = connections.getConnection();
            try (PreparedStatement put = connection.prepareStatement(PUT)) {
                int pending = 0;
                for (IndexChange change : changes) {
                    if (change instanceof IndexChange.Put p) {
                        bindPut(connection, put, p.document());
                        put.addBatch();
                        pending++;
                        continue;
                    }
                    if (pending > 0) {
                        put.executeBatch();
                        pending = 0;
                    }
                    apply(connection, change);
                }
                if (pending > 0) {
                    put.executeBatch();
                }
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StorageException("writing search documents failed", e);
        }
    }

    private static void bindPut(Connection connection, PreparedStatement put, SearchDocument d) throws SQLException {
        put.setLong(1, d.id());
        put.setLong(2, d.guildId());
        put.setLong(3, d.channelId());
        put.setLong(4, d.authorId());
        put.setArray(5, connection.createArrayOf("bigint", d.mentions().toArray()));
        put.setInt(6, d.has());
        put.setBoolean(7, d.pinned());
        put.setString(8, d.content());
    }

    private static void apply(Connection connection, IndexChange change) throws SQLException {
        if (change instanceof IndexChange.Edit e) {
            update(connection, "UPDATE search_messages SET content = ?, has = (has & ~" + Has.EDITABLE + ") | ? WHERE id = ?",
                    e.content(), e.editableHas(), e.messageId());
        } else if (change instanceof IndexChange.Pin p) {
            update(connection, "UPDATE search_messages SET pinned = ? WHERE id = ?", p.pinned(), p.messageId());
        } else if (change instanceof IndexChange.Delete d) {
            update(connection, "DELETE FROM search_messages WHERE id = ?", d.messageId());
        } else if (change instanceof IndexChange.DeleteChannel c) {
            update(connection, "DELETE FROM search_messages WHERE channel_id = ?", c.channelId());
        } else if (change instanceof IndexChange.DeleteGuild g) {
            update(connection, "DELETE FROM search_messages WHERE guild_id = ?", g.guildId());
        } else if (change instanceof IndexChange.DeleteAuthorSince a) {
            update(connection, "DELETE FROM search_messages WHERE guild_id = ? AND author_id = ? AND id >= ?",
                    a.guildId(), a.authorId(), a.fromId());
        } else {
            throw new IllegalStateException("unexpected change " + change);
        }
    }

    private static void update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void clear() {
        try (Connection connection = connections.getConnection();
             PreparedStatement truncate = connection.prepareStatement("TRUNCATE search_messages")) {
            truncate.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("clearing search documents failed", e);
        }
    }

    /**
     * Values are written into the SQL (all are numbers, or words without quotes or backslashes)
     * and sent unprepared, so every search gets a plan for its own words: a cached generic plan
     * cannot tell a word in half the messages from one in ten of them.
     */
    @Override
    public Future<SearchHits> search(SearchQuery q) {
        List<String> statements = searchSql(q, maxTotal);
        if (statements.size() == 1) {
            return pool.query(statements.get(0)).execute().map(rows -> {
                Row row = rows.iterator().next();
                return new SearchHits(row.getLong(0), List.of(row.getArrayOfLongs(1)));
            });
        }
        // a time-ordered page and the count run side by side: the page stops at its 25th match
        Future<Long> total = pool.query(statements.get(0)).execute().map(rows -> rows.iterator().next().getLong(0));
        Future<List<Long>> page = pool.query(statements.get(1)).execute().map(rows -> {
            List<Long> ids = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getLong(0));
            }
            return ids;
        });
        return Future.all(page, total).map(v -> new SearchHits(total.result(), page.result()));
    }

    /**
     * The SQL a search runs (public for EXPLAIN in the search benchmark). In time order, two
     * statements: the number of matches up to {@code maxTotal}, and the page. By relevance, one
     * statement answering both from the newest {@code maxTotal} matches, found once: relevance
     * ranks just those (ranking every match of a common word takes up to a second), a page
     * never reaches past them (offset + limit ≤ maxTotal), and counting first and ranking after
     * read the same pages twice, one after the other.
     */
    public static List<String> searchSql(SearchQuery q, int maxTotal) {
        String where = where(q);
        String tsquery = tsquery(q.words());
        String page = " LIMIT " + q.limit() + " OFFSET " + q.offset();
        if (q.byRelevance() && tsquery != null) {
            return List.of("WITH newest AS MATERIALIZED (SELECT id, document FROM search_messages WHERE " + where
                    + " ORDER BY id DESC LIMIT " + Math.max(maxTotal, q.offset() + q.limit()) + ")"
                    + " SELECT LEAST((SELECT count(*) FROM newest), " + maxTotal + "),"
                    + " ARRAY(SELECT id FROM newest ORDER BY ts_rank(document, to_tsquery('simple', "
                    + literal(tsquery) + ")) DESC, id DESC" + page + ")");
        }
        return List.of("SELECT count(*) FROM (SELECT 1 FROM search_messages WHERE " + where + " LIMIT " + maxTotal
                        + ") matching",
                "SELECT id FROM search_messages WHERE " + where + " ORDER BY id " + (q.ascending() ? "ASC" : "DESC")
                        + page);
    }

    private static String where(SearchQuery q) {
        StringBuilder where = new StringBuilder("guild_id = ").append(q.guildId())
                .append(" AND channel_id = ANY(").append(ids(q.channelIds())).append(')');
        String tsquery = tsquery(q.words());
        if (tsquery != null) {
            where.append(" AND document @@ to_tsquery('simple', ").append(literal(tsquery)).append(')');
        }
        if (!q.authorIds().isEmpty()) {
            where.append(" AND author_id = ANY(").append(ids(q.authorIds())).append(')');
        }
        if (!q.mentions().isEmpty()) {
            where.append(" AND mentions && ").append(ids(q.mentions()));
        }
        if (q.has() != 0) {
            where.append(" AND has & ").append(q.has()).append(" = ").append(q.has());
        }
        if (q.pinned() != null) {
            where.append(" AND pinned = ").append(q.pinned().booleanValue());
        }
        if (q.minId() != null) {
            where.append(" AND id > ").append(q.minId().longValue());
        }
        if (q.maxId() != null) {
            where.append(" AND id < ").append(q.maxId().longValue());
        }
        return where.toString();
    }

    /** A tsquery as an SQL string literal; its only quotes are the ones {@link #tsquery} put around words. */
    private static String literal(String tsquery) {
        return "'" + tsquery.replace("'", "''") + "'";
    }

    private static String ids(List<Long> ids) {
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int i = 0; i < ids.size(); i++) {
            array.append(i == 0 ? "" : ",").append(ids.get(i).longValue());
        }
        return array.append("]::bigint[]").toString();
    }

    /**
     * Every word must occur; the last one may be a prefix (the user may still be typing it).
     * Words hold no ASCII punctuation ({@link SearchQuery#words()}), so no quote or backslash.
     */
    static String tsquery(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        if (words.stream().anyMatch(w -> w.indexOf('\'') >= 0 || w.indexOf('\\') >= 0)) {
            throw new IllegalArgumentException("a search word with a quote or backslash");
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                query.append(" & ");
            }
            query.append('\'').append(words.get(i)).append('\'');
            if (i == words.size() - 1) {
                query.append(":*");
            }
        }
        return query.toString();
    }

    @Override
    public Future<Long> documentCount() {
        return pool.query("SELECT count(*) FROM search_messages").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    @Override
    public String describe() {
        return "PostgreSQL full-text search";
    }
}
