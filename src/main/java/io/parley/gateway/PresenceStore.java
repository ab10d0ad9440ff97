package io.parley.gateway;

import io.vertx.core.json.JsonObject;

import java.util.Optional;

/** Who is online and how: one entry per user, the merge of their sessions. In memory on one node; Valkey in a cluster. */
interface PresenceStore {

    /** Records a session's presence; returns the user's merged presence when it changed. */
    Optional<JsonObject> update(long userId, String sessionId, JsonObject presence);

    /** Forgets a session; returns the user's merged presence when it changed (offline when it was the last). */
    Optional<JsonObject> remove(long userId, String sessionId);

    /** The presence others see: invisible reads as offline. */
    JsonObject visible(long userId);
}
