package io.parley.gateway;

import io.vertx.core.Context;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One identified session: who it is, what it asked for, its sequence and replay buffer.
 * It outlives its connection for the resume window. State changes run on {@link #context}.
 */
final class GatewaySession {
    final String id;
    final long userId;
    final boolean bot;
    final int intents;
    final Context context;
    final Set<Long> guilds = ConcurrentHashMap.newKeySet();
    private final ReplayBuffer replay;
    private long seq;
    private volatile GatewayConnection connection;
    private volatile long detachedAtMillis;

    GatewaySession(String id, long userId, boolean bot, int intents, Context context, ReplayBuffer replay) {
        this.id = id;
        this.userId = userId;
        this.bot = bot;
        this.intents = intents;
        this.context = context;
        this.replay = replay;
    }

    boolean wants(int intent) {
        return intent == 0 || (intents & intent) != 0;
    }

    /** Runs on {@link #context}: numbers the dispatch, keeps it for RESUME, sends it if connected. */
    void dispatch(String type, String dataJson) {
        seq++;
        String frame = "{\"op\":0,\"s\":" + seq + ",\"t\":\"" + type + "\",\"d\":" + dataJson + "}";
        replay.add(seq, frame);
        GatewayConnection current = connection;
        if (current != null) {
            current.send(frame);
        }
    }

    /** Runs on {@link #context}: sends a dispatch that RESUME will not replay (the session's start-up payloads). */
    void dispatchUnbuffered(String type, String dataJson) {
        seq++;
        replay.skip(seq);
        GatewayConnection current = connection;
        if (current != null) {
            current.send("{\"op\":0,\"s\":" + seq + ",\"t\":\"" + type + "\",\"d\":" + dataJson + "}");
        }
    }

    void dispatchOnContext(String type, String dataJson) {
        context.runOnContext(v -> dispatch(type, dataJson));
    }

    Optional<List<String>> replayAfter(long seq) {
        return seq > this.seq ? Optional.empty() : replay.after(seq);
    }

    long seq() {
        return seq;
    }

    void attach(GatewayConnection connection) {
        this.connection = connection;
        this.detachedAtMillis = 0;
    }

    /** Only the connection that holds the session may let it go. */
    void detach(GatewayConnection connection, long nowMillis) {
        if (this.connection == connection) {
            this.connection = null;
            this.detachedAtMillis = nowMillis;
        }
    }

    GatewayConnection connection() {
        return connection;
    }

    boolean expired(long nowMillis, long windowMillis) {
        return connection == null && detachedAtMillis > 0 && nowMillis - detachedAtMillis > windowMillis;
    }
}
