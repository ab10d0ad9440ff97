package io.parley.message;

import io.parley.account.UserRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reactive reads of messages, assembled into complete message objects for one viewer. */
public final class MessageQueries {
    private final Pool pool;

    public MessageQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<MessageRecord>> message(long messageId) {
        return pool.preparedQuery(MessageRecord.SELECT + " WHERE m.id = $1").execute(Tuple.of(messageId))
                .map(rows -> records(rows).stream().findFirst());
    }

    /** The messages of these ids that exist, in no particular order. */
    public Future<List<MessageRecord>> messages(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return pool.preparedQuery(MessageRecord.SELECT + " WHERE m.id = ANY($1)")
                .execute(Tuple.of((Object) messageIds.toArray(Long[]::new))).map(MessageQueries::records);
    }

    /** An attachment of a message (not deleted) in {@code channelId}, as the projection stored it. */
    public Future<Optional<Attachment>> attachment(long channelId, long attachmentId) {
        String id = Long.toString(attachmentId);
        String containing = new JsonArray().add(new JsonObject().put("id", id)).encode();
        return pool.preparedQuery("""
                        SELECT a::text FROM messages m CROSS JOIN LATERAL jsonb_array_elements(m.attachments) a
                        WHERE m.channel_id = $1 AND m.attachments @> $2::text::jsonb AND a ->> 'id' = $3""")
                .execute(Tuple.of(channelId, containing, id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    JsonObject a = new JsonObject(rows.iterator().next().getString(0));
                    return Optional.of(new Attachment(attachmentId, a.getString("filename"), a.getString("description"),
                            a.getString("content_type"), a.getLong("size", 0L), a.getString("url")));
                });
    }

    /** A history page, newest first: before/after/around an id (at most one), 1-100 messages. */
    public Future<List<MessageRecord>> history(long channelId, Long before, Long after, Long around, int limit) {
        if (around != null) {
            int older = limit / 2;
            return page(channelId, "m.id >= $2", "m.id ASC", around, limit - older).compose(newer ->
                    page(channelId, "m.id < $2", "m.id DESC", around, older).map(olderPage -> {
                        List<MessageRecord> all = reversed(newer);
                        all.addAll(olderPage);
                        return all;
                    }));
        }
        if (after != null) {
            return page(channelId, "m.id > $2", "m.id ASC", after, limit).map(MessageQueries::reversed);
        }
        return page(channelId, "m.id < $2", "m.id DESC", before == null ? Long.MAX_VALUE : before, limit);
    }

    public Future<List<MessageRecord>> pinned(long channelId) {
        return pool.preparedQuery(MessageRecord.SELECT + " WHERE m.channel_id = $1 AND m.pinned ORDER BY m.pinned_at DESC")
                .execute(Tuple.of(channelId)).map(MessageQueries::records);
    }

    /** A message with the moment it was pinned, for Discord's paged pin list. */
    public record Pin(OffsetDateTime pinnedAt, MessageRecord message) {
    }

    /** Pins newest first, pinned strictly before {@code before} (null: the newest); one more than {@code limit} tells whether more exist. */
    public Future<List<Pin>> pinsBefore(long channelId, OffsetDateTime before, int limit) {
        return pool.preparedQuery(MessageRecord.SELECT + " WHERE m.channel_id = $1 AND m.pinned AND ($2::timestamptz IS NULL OR m.pinned_at < $2)"
                        + " ORDER BY m.pinned_at DESC, m.id DESC LIMIT $3")
                .execute(Tuple.of(channelId, before, limit)).map(rows -> {
                    List<Pin> pins = new ArrayList<>();
                    for (Row row : rows) {
                        MessageRecord message = MessageRecord.from(row);
                        if (message != null) {
                            pins.add(new Pin(row.getOffsetDateTime("pinned_at"), message));
                        }
                    }
                    return pins;
                });
    }

    public Future<Long> pinCount(long channelId) {
        return pool.preparedQuery("SELECT count(*) FROM messages WHERE channel_id = $1 AND pinned")
                .execute(Tuple.of(channelId)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Users who reacted with {@code emoji}, by user id, after {@code after}. */
    public Future<JsonArray> reactors(long messageId, String emoji, long after, int limit) {
        return pool.preparedQuery("""
                        SELECT u.id, u.username, u.email, u.password_hash, u.global_name, u.avatar, u.bio, u.bot, u.flags
                        FROM message_reactions r JOIN users u ON u.id = r.user_id
                        WHERE r.message_id = $1 AND r.emoji = $2 AND r.user_id > $3 ORDER BY r.user_id LIMIT $4""")
                .execute(Tuple.of(messageId, emoji, after, limit))
                .map(rows -> {
                    JsonArray users = new JsonArray();
                    rows.forEach(row -> users.add(UserRecord.from(row).toPublicJson()));
                    return users;
                });
    }

    /** Complete message objects: mentioned users, reactions with the viewer's {@code me}, referenced messages. */
    public Future<JsonArray> render(List<MessageRecord> messages, long viewerId) {
        if (messages.isEmpty()) {
            return Future.succeededFuture(new JsonArray());
        }
        Long[] ids = messages.stream().filter(m -> m.reactionCount() > 0).map(MessageRecord::id).toArray(Long[]::new);
        Set<Long> mentioned = new LinkedHashSet<>();
        Set<Long> referenced = new LinkedHashSet<>();
        messages.forEach(m -> {
            mentioned.addAll(m.mentions());
            if (m.referencedMessageId() != null) {
                referenced.add(m.referencedMessageId());
            }
        });
        return reactions(ids, viewerId).compose(reactions -> users(mentioned).compose(users ->
                referenced(referenced).map(references -> {
                    JsonArray out = new JsonArray();
                    for (MessageRecord m : messages) {
                        JsonObject json = m.toJson();
                        JsonArray mentions = json.getJsonArray("mentions");
                        m.mentions().stream().map(users::get).filter(u -> u != null).forEach(mentions::add);
                        json.put("reactions", reactions.getOrDefault(m.id(), new JsonArray()));
                        if (m.referencedMessageId() != null) {
                            MessageRecord target = references.get(m.referencedMessageId());
                            json.put("referenced_message", target == null ? null : target.toJson());
                        }
                        out.add(json);
                    }
                    return out;
                })));
    }

    private Future<List<MessageRecord>> page(long channelId, String condition, String order, long pivot, int limit) {
        if (limit <= 0) {
            return Future.succeededFuture(List.of());
        }
        return pool.preparedQuery(MessageRecord.SELECT + " WHERE m.channel_id = $1 AND " + condition
                        + " ORDER BY " + order + " LIMIT $3")
                .execute(Tuple.of(channelId, pivot, limit)).map(MessageQueries::records);
    }

    private Future<Map<Long, JsonArray>> reactions(Long[] messageIds, long viewerId) {
        if (messageIds.length == 0) {
            return Future.succeededFuture(Map.of());
        }
        return pool.preparedQuery("""
                        SELECT message_id, emoji, count(*) AS count, bool_or(user_id = $2) AS me
                        FROM message_reactions WHERE message_id = ANY($1)
                        GROUP BY message_id, emoji ORDER BY message_id, min(created_at)""")
                .execute(Tuple.of(messageIds, viewerId))
                .map(rows -> {
                    Map<Long, JsonArray> byMessage = new HashMap<>();
                    rows.forEach(row -> byMessage.computeIfAbsent(row.getLong("message_id"), k -> new JsonArray())
                            .add(new JsonObject()
                                    .put("count", row.getLong("count"))
                                    .put("count_details", new JsonObject().put("burst", 0).put("normal", row.getLong("count")))
                                    .put("me", row.getBoolean("me"))
                                    .put("me_burst", false)
                                    .put("burst_colors", new JsonArray())
                                    .put("emoji", Emojis.toJson(row.getString("emoji")))));
                    return byMessage;
                });
    }

    private Future<Map<Long, JsonObject>> users(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return pool.preparedQuery("""
                        SELECT id, username, email, password_hash, global_name, avatar, bio, bot, flags
                        FROM users WHERE id = ANY($1)""")
                .execute(Tuple.of((Object) ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, JsonObject> users = new HashMap<>();
                    rows.forEach(row -> users.put(row.getLong("id"), UserRecord.from(row).toPublicJson()));
                    return users;
                });
    }

    private Future<Map<Long, MessageRecord>> referenced(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return pool.preparedQuery(MessageRecord.SELECT + " WHERE m.id = ANY($1)")
                .execute(Tuple.of((Object) ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, MessageRecord> byId = new HashMap<>();
                    records(rows).forEach(m -> byId.put(m.id(), m));
                    return byId;
                });
    }

    private static List<MessageRecord> reversed(List<MessageRecord> list) {
        List<MessageRecord> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static List<MessageRecord> records(RowSet<Row> rows) {
        List<MessageRecord> records = new ArrayList<>(rows.size());
        rows.forEach(row -> {
            MessageRecord record = MessageRecord.from(row);
            if (record != null) {
                records.add(record);
            }
        });
        return records;
    }
}
