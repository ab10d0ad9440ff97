package io.parley.gateway;

import io.parley.cluster.Valkey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cluster mode: the connected sessions of a user across nodes, one Valkey hash per user,
 * {@code parley:sessions:USER}, session id → node. A Lua script counts the entries of live
 * nodes (the {@code parley:node:ID} keys of {@link ValkeyPresenceStore}; a dead node's entries
 * are dropped) and adds the session only while under the limit, atomically, so parallel
 * IDENTIFYs on several nodes cannot pass it together. A release removes the entry only if
 * this node still holds it (a RESUME elsewhere may have taken it over). While Valkey is
 * unreachable the node counts its own sessions, and rewrites its entries of the users whose
 * places changed meanwhile once Valkey is back.
 */
final class ValkeySessionCap extends SessionCap {
    private static final String SCRIPT = """
            local op, session, node = ARGV[1], ARGV[2], ARGV[3]
            if op == 'sync' then
              local all = redis.call('HGETALL', KEYS[1])
              for i = 1, #all, 2 do
                if all[i + 1] == node then redis.call('HDEL', KEYS[1], all[i]) end
              end
              for id in string.gmatch(session, '[^,]+') do redis.call('HSET', KEYS[1], id, node) end
              return 1
            end
            if op == 'drop' then
              if redis.call('HGET', KEYS[1], session) == node then redis.call('HDEL', KEYS[1], session) end
              return 1
            end
            -- the caller is alive: its key may not be written yet just after it started
            redis.call('SET', ARGV[5] .. node, '1', 'PX', ARGV[6])
            if op == 'take' then
              local all = redis.call('HGETALL', KEYS[1])
              local count = 0
              for i = 1, #all, 2 do
                if all[i] ~= session then
                  if redis.call('EXISTS', ARGV[5] .. all[i + 1]) == 1 then count = count + 1
                  else redis.call('HDEL', KEYS[1], all[i]) end
                end
              end
              if count >= tonumber(ARGV[4]) then return 0 end
            end
            redis.call('HSET', KEYS[1], session, node)
            redis.call('PEXPIRE', KEYS[1], 86400000)
            return 1
            """;
    private static final String NODES = "parley:node:";

    private static final long RESYNC_MS = 5_000;

    private final Valkey valkey;
    private final String nodeId;
    private final Set<Long> unsynced = ConcurrentHashMap.newKeySet();

    ValkeySessionCap(int limit, Valkey valkey, String nodeId, Vertx vertx) {
        super(limit);
        this.valkey = valkey;
        this.nodeId = nodeId;
        vertx.setPeriodic(RESYNC_MS, t -> resync());
    }

    /** The node's own count is never above the cluster's, so it is checked first (and alone while Valkey is down). */
    @Override
    Future<Boolean> take(long userId, String sessionId) {
        if (!takeNow(userId, sessionId, true)) {
            return Future.succeededFuture(false);
        }
        if (!valkey.up()) {
            unsynced.add(userId);
            return Future.succeededFuture(true);
        }
        return valkey.send(script(userId, "take", sessionId)).map(reply -> reply.toInteger() == 1)
                .recover(e -> Future.succeededFuture(true))
                .onSuccess(taken -> {
                    if (!taken) {
                        super.release(userId, sessionId);
                    }
                });
    }

    @Override
    void hold(long userId, String sessionId) {
        super.hold(userId, sessionId);
        if (valkey.up()) {
            valkey.send(script(userId, "hold", sessionId)).onFailure(e -> unsynced.add(userId));
        } else {
            unsynced.add(userId);
        }
    }

    @Override
    void release(long userId, String sessionId) {
        super.release(userId, sessionId);
        if (valkey.up()) {
            valkey.send(script(userId, "drop", sessionId)).onFailure(e -> unsynced.add(userId));
        } else {
            unsynced.add(userId);
        }
    }

    /** Places given back while Valkey was unreachable: this node's entries of those users are rewritten. */
    private void resync() {
        if (!valkey.up()) {
            return;
        }
        for (Long userId : List.copyOf(unsynced)) {
            unsynced.remove(userId);
            valkey.send(script(userId, "sync", String.join(",", connectedHere(userId))))
                    .onFailure(e -> unsynced.add(userId));
        }
    }

    private Request script(long userId, String op, String sessionId) {
        return Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg("parley:sessions:" + userId).arg(op).arg(sessionId)
                .arg(nodeId).arg(limit()).arg(NODES).arg(ValkeyPresenceStore.NODE_TTL_MS);
    }
}
