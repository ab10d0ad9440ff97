package io.parley.gateway;

import io.parley.cluster.Valkey;
import io.parley.message.TypingEvents;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.platform.axon.WakeableEventStore;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.eventhandling.EventMessage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cluster mode: this node's gateway on Valkey pub/sub. A node subscribes to {@code guild:ID}
 * and {@code user:ID} while it holds sessions for them. After a commit the committing node
 * publishes one wake-up per topic of the commit's events; subscribers read the log at once
 * (durable dispatches always come from each node's own pass over the log, so a lost message
 * only delays them to the next poll). Typing and presence updates travel as payloads on the
 * same topics. Projections' commits go to every node on {@code parley:commits} so a REST reply
 * on one node can wait for a projection running on another.
 */
final class ClusterLink {
    private static final String PREFIX = "parley:t:";
    private static final String COMMITS = "parley:commits";
    private static final String REMOTE = "parley-remote";

    private final Valkey valkey;
    private final String nodeId;
    private final Vertx vertx;
    private final Sessions sessions;
    private final Presences presences;
    private final ReadYourWrites readYourWrites;
    private final ConcurrentLinkedQueue<JsonArray> commits = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean commitFlushScheduled = new AtomicBoolean();
    private volatile WakeableEventStore eventStore;
    private volatile java.util.function.Consumer<GatewaySession> onTaken = session -> {
    };

    ClusterLink(Valkey valkey, String nodeId, Vertx vertx, Sessions sessions, Presences presences,
                ReadYourWrites readYourWrites) {
        this.valkey = valkey;
        this.nodeId = nodeId;
        this.vertx = vertx;
        this.sessions = sessions;
        this.presences = presences;
        this.readYourWrites = readYourWrites;
        valkey.onMessage(this::onMessage);
        valkey.subscribe(COMMITS);
        sessions.watchWith(new Sessions.Topics() {
            @Override
            public void watch(String topic) {
                valkey.subscribe(PREFIX + topic);
            }

            @Override
            public void unwatch(String topic) {
                valkey.unsubscribe(PREFIX + topic);
            }
        });
        presences.relayWith((guildId, data) -> publish(DispatchTopics.guild(guildId),
                new JsonObject().put("k", "presence").put("g", guildId).put("d", data)));
        vertx.eventBus().<JsonObject>localConsumer(TypingEvents.ADDRESS, message -> {
            if (message.headers().get(REMOTE) == null) {
                publish(DispatchTopics.guild(Long.parseLong(message.body().getString("guild_id"))),
                        new JsonObject().put("k", "typing").put("d", message.body()));
            }
        });
        readYourWrites.onLocalCommit(this::localCommit);
    }

    void onTaken(java.util.function.Consumer<GatewaySession> handler) {
        this.onTaken = handler;
    }

    void attach(WakeableEventStore store) {
        this.eventStore = store;
        store.onCommit(this::committed);
    }

    /** Tells the other nodes which topics a commit concerns: one publish per topic. */
    private void committed(List<? extends EventMessage<?>> events) {
        Set<String> topics = new LinkedHashSet<>();
        events.forEach(event -> topics.addAll(DispatchTopics.of(event.getPayload())));
        JsonObject wake = new JsonObject().put("k", "wake");
        topics.forEach(topic -> publish(topic, wake));
    }

    /** Another node resumed this session: this node lets go of its copy. */
    void taken(long userId, String sessionId) {
        publish(DispatchTopics.user(userId), new JsonObject().put("k", "taken").put("id", sessionId));
    }

    private void publish(String topic, JsonObject message) {
        valkey.publish(PREFIX + topic, message.copy().put("n", nodeId).encode());
    }

    private void localCommit(String key, long version) {
        commits.add(new JsonArray().add(key).add(version));
        if (commitFlushScheduled.compareAndSet(false, true)) {
            vertx.runOnContext(v -> {
                commitFlushScheduled.set(false);
                JsonArray batch = new JsonArray();
                for (JsonArray c = commits.poll(); c != null; c = commits.poll()) {
                    batch.add(c);
                }
                if (!batch.isEmpty()) {
                    valkey.publish(COMMITS, new JsonObject().put("n", nodeId).put("c", batch).encode());
                }
            });
        }
    }

    private void onMessage(String channel, String text) {
        JsonObject message = new JsonObject(text);
        if (nodeId.equals(message.getString("n"))) {
            return;
        }
        if (COMMITS.equals(channel)) {
            message.getJsonArray("c").forEach(c -> {
                JsonArray entry = (JsonArray) c;
                readYourWrites.committedElsewhere(entry.getString(0), entry.getLong(1));
            });
            return;
        }
        switch (message.getString("k", "")) {
            case "wake" -> {
                WakeableEventStore store = eventStore;
                if (store != null) {
                    store.wake();
                }
            }
            case "typing" -> vertx.eventBus().publish(TypingEvents.ADDRESS, message.getJsonObject("d"),
                    new DeliveryOptions().addHeader(REMOTE, "1"));
            case "presence" -> presences.deliver(message.getLong("g"), message.getString("d"));
            case "taken" -> sessions.byId(message.getString("id")).ifPresent(session -> {
                GatewayConnection connection = session.connection();
                if (connection != null) {
                    connection.close(CloseCode.UNKNOWN_ERROR, "resumed elsewhere");
                }
                sessions.remove(session);
                onTaken.accept(session);
            });
            default -> {
            }
        }
    }
}
