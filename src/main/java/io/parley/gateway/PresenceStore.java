package io.parley.gateway;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Who is online and how: one entry per user, the merge of their sessions (the most recently
 * updated one wins). In memory on one node; in Valkey in a cluster, merged across nodes.
 */
interface PresenceStore {
    JsonObject OFFLINE = new JsonObject().put("status", "offline").put("activities", new JsonArray());

    /** Records a session's presence; completes with the user's merged presence when it changed. */
    Future<Optional<JsonObject>> update(long userId, String sessionId, JsonObject presence);

    /** Forgets a session; completes with the user's merged presence when it changed (offline when it was the last). */
    Future<Optional<JsonObject>> remove(long userId, String sessionId);

    /** The presences others see, by user: invisible reads as offline. */
    Future<Map<Long, JsonObject>> visible(Collection<Long> userIds);

    static JsonObject asSeen(JsonObject merged) {
        return "invisible".equals(merged.getString("status")) ? OFFLINE.copy() : merged.copy();
    }
}
