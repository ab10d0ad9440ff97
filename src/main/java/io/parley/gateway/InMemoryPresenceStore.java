package io.parley.gateway;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.HashMap;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PresenceStore} for a single node: a user's presence is that of their most recently updated session. */
final class InMemoryPresenceStore implements PresenceStore {
    private final Map<Long, LinkedHashMap<String, JsonObject>> sessions = new ConcurrentHashMap<>();

    @Override
    public Future<Optional<JsonObject>> update(long userId, String sessionId, JsonObject presence) {
        return Future.succeededFuture(updateNow(userId, sessionId, presence));
    }

    Optional<JsonObject> updateNow(long userId, String sessionId, JsonObject presence) {
        synchronized (this) {
            JsonObject before = merged(userId);
            LinkedHashMap<String, JsonObject> own = sessions.computeIfAbsent(userId, k -> new LinkedHashMap<>());
            own.remove(sessionId);
            own.put(sessionId, presence);
            return changed(before, merged(userId));
        }
    }

    @Override
    public Future<Optional<JsonObject>> remove(long userId, String sessionId) {
        return Future.succeededFuture(removeNow(userId, sessionId));
    }

    Optional<JsonObject> removeNow(long userId, String sessionId) {
        synchronized (this) {
            JsonObject before = merged(userId);
            LinkedHashMap<String, JsonObject> own = sessions.get(userId);
            if (own != null) {
                own.remove(sessionId);
                if (own.isEmpty()) {
                    sessions.remove(userId);
                }
            }
            return changed(before, merged(userId));
        }
    }

    @Override
    public Future<Map<Long, JsonObject>> visible(Collection<Long> userIds) {
        Map<Long, JsonObject> out = new HashMap<>();
        synchronized (this) {
            userIds.forEach(id -> out.put(id, PresenceStore.asSeen(merged(id))));
        }
        return Future.succeededFuture(out);
    }

    private JsonObject merged(long userId) {
        LinkedHashMap<String, JsonObject> own = sessions.get(userId);
        if (own == null || own.isEmpty()) {
            return OFFLINE;
        }
        JsonObject latest = null;
        for (JsonObject presence : own.values()) {
            latest = presence;
        }
        return latest;
    }

    private static Optional<JsonObject> changed(JsonObject before, JsonObject after) {
        return before.equals(after) ? Optional.empty() : Optional.of(after);
    }
}
