package io.parley.gateway;

import io.vertx.core.Future;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connected sessions of each user, against {@code gateway.sessions_per_user}: an IDENTIFY
 * takes a place before it is answered (so parallel ones cannot all pass), a RESUME takes one
 * without the check (the session existed already), and the connection gives it back when it
 * closes. This one counts this node's sessions; {@link ValkeySessionCap} the cluster's.
 */
class SessionCap {
    private final int limit;
    private final Map<Long, Set<String>> connected = new ConcurrentHashMap<>();

    SessionCap(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Whether the user had a free place, which {@code sessionId} now holds. */
    Future<Boolean> take(long userId, String sessionId) {
        return Future.succeededFuture(takeNow(userId, sessionId, true));
    }

    /** A resumed session holds its place again, whatever the count. */
    void hold(long userId, String sessionId) {
        takeNow(userId, sessionId, false);
    }

    void release(long userId, String sessionId) {
        connected.computeIfPresent(userId, (k, set) -> {
            set.remove(sessionId);
            return set.isEmpty() ? null : set;
        });
    }

    /** This node's connected sessions of the user. */
    final List<String> connectedHere(long userId) {
        return List.copyOf(connected.getOrDefault(userId, Set.of()));
    }

    final boolean takeNow(long userId, String sessionId, boolean checked) {
        boolean[] taken = new boolean[1];
        connected.compute(userId, (k, set) -> {
            Set<String> own = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (!checked || own.contains(sessionId) || own.size() < limit) {
                own.add(sessionId);
                taken[0] = true;
            }
            return own.isEmpty() ? null : own;
        });
        return taken[0];
    }
}
