package io.parley.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Presence for the gateway: op 3 and session ends become PRESENCE_UPDATE to sessions sharing a guild. */
final class Presences {
    private static final Set<String> STATUSES = Set.of("online", "idle", "dnd", "invisible", "offline");

    private volatile PresenceStore store = new InMemoryPresenceStore();
    private final Sessions sessions;
    private final Vertx vertx;
    private final long graceMs;
    private volatile java.util.function.BiConsumer<Long, String> relay = (guildId, data) -> {
    };
    private volatile java.util.function.Function<Long, Future<String>> storedStatus =
            userId -> Future.succeededFuture("online");

    Presences(Sessions sessions, Vertx vertx, long graceMs) {
        this.sessions = sessions;
        this.vertx = vertx;
        this.graceMs = graceMs;
    }

    /** A presence object from op 3 or IDENTIFY's {@code presence}; null when it is malformed. */
    static JsonObject parse(Object raw) {
        if (raw == null) {
            return new JsonObject().put("status", "online").put("activities", new JsonArray());
        }
        if (!(raw instanceof JsonObject d) || !(d.getValue("status", "online") instanceof String status)
                || !STATUSES.contains(status)) {
            return null;
        }
        if (PresenceRules.problem(d) != null) {
            return null;
        }
        JsonArray activities = new JsonArray();
        if (d.getValue("activities") instanceof JsonArray given) {
            given.forEach(a -> activities.add(PresenceRules.known((JsonObject) a)));
        }
        return new JsonObject().put("status", "offline".equals(status) ? "invisible" : status)
                .put("activities", activities);
    }

    /** Cluster mode: the store shared by all nodes. */
    void storeIn(PresenceStore shared) {
        this.store = shared;
    }

    void set(GatewaySession session, JsonObject presence) {
        session.presence = presence;
        store.update(session.userId, session.id, presence).onSuccess(changed -> changed.ifPresent(
                merged -> broadcast(session.userId, PresenceStore.asSeen(merged), guildsOf(session.userId))));
    }

    /**
     * The stored status changed: each of the user's connected sessions here keeps its activities
     * under the new status. Detached ones are left alone: their grace timer may already have
     * removed them, and setting them again would leave the user shown online with no connection.
     */
    void restatus(long userId, String status) {
        for (GatewaySession session : List.copyOf(sessions.ofUser(userId))) {
            if (session.connection() == null) {
                continue;
            }
            JsonObject current = session.presence == null ? parse(null) : session.presence;
            set(session, current.copy().put("status", status));
        }
    }

    /** Where a user's stored status (their settings) is read, for sessions rebuilt without an IDENTIFY. */
    void storedStatusFrom(java.util.function.Function<Long, Future<String>> storedStatus) {
        this.storedStatus = storedStatus;
    }

    /** The presence a session starts with when nothing says otherwise: the stored status, no activities. */
    Future<JsonObject> stored(long userId) {
        return storedStatus.apply(userId).otherwise("online")
                .map(status -> fromSettings(new JsonObject().put("status", status)));
    }

    /** IDENTIFY without a presence: the status stored in the user's settings (READY's user_settings). */
    static JsonObject fromSettings(JsonObject userSettings) {
        String status = userSettings == null ? null : userSettings.getString("status");
        return new JsonObject().put("status", status != null && STATUSES.contains(status) ? status : "online")
                .put("activities", new JsonArray());
    }

    /** After the grace period, a session that was not resumed no longer counts towards its user's presence. */
    void ended(GatewaySession session) {
        Set<Long> guilds = new HashSet<>(session.guilds);
        vertx.setTimer(Math.max(1, graceMs), t -> {
            if (session.connection() == null) {
                guilds.addAll(guildsOf(session.userId));
                store.remove(session.userId, session.id).onSuccess(changed -> changed.ifPresent(
                        merged -> broadcast(session.userId, PresenceStore.asSeen(merged), guilds)));
            }
        });
    }

    Future<java.util.Map<Long, JsonObject>> visible(java.util.Collection<Long> userIds) {
        return store.visible(userIds);
    }

    private Set<Long> guildsOf(long userId) {
        Set<Long> guilds = new HashSet<>();
        sessions.ofUser(userId).forEach(s -> guilds.addAll(s.guilds));
        return guilds;
    }

    private void broadcast(long userId, JsonObject visible, Set<Long> guilds) {
        String status = visible.getString("status");
        for (long guildId : guilds) {
            String data = new JsonObject().put("user", new JsonObject().put("id", Long.toString(userId)))
                    .put("guild_id", Long.toString(guildId)).put("status", status)
                    .put("activities", visible.getJsonArray("activities"))
                    .put("client_status", "offline".equals(status) ? new JsonObject()
                            : new JsonObject().put("web", status)).encode();
            deliver(guildId, data);
            relay.accept(guildId, data);
        }
    }

    /** Cluster mode: PRESENCE_UPDATEs of this node's users also go to the other nodes' sessions in the guild. */
    void relayWith(java.util.function.BiConsumer<Long, String> relay) {
        this.relay = relay;
    }

    /** A PRESENCE_UPDATE for this node's sessions in the guild (from here or another node). */
    void deliver(long guildId, String data) {
        for (GatewaySession session : List.copyOf(sessions.inGuild(guildId))) {
            if (session.wants(Intents.GUILD_PRESENCES)) {
                session.dispatchOnContext("PRESENCE_UPDATE", data);
            }
        }
    }
}
