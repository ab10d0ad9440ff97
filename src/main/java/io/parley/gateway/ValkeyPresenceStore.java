package io.parley.gateway;

import io.parley.cluster.Valkey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cluster-wide presence: one Valkey hash per user, {@code parley:presence:USER}, with one field
 * per session ({@code NODE|UPDATED_MS|JSON}). A Lua script changes an entry and returns the
 * user's merged presence before and after (the most recently updated entry whose node is
 * alive), so every node computes the same status. A node is alive while its key
 * {@code parley:node:ID} exists; it refreshes it every few seconds, so the sessions of a node
 * that died stop counting within {@link #NODE_TTL_MS}. While Valkey is unreachable this node
 * falls back to its own sessions ({@link InMemoryPresenceStore}).
 */
final class ValkeyPresenceStore implements PresenceStore {
    static final long NODE_TTL_MS = 15_000;
    private static final String SCRIPT = """
            local function merged()
              local all = redis.call('HGETALL', KEYS[1])
              local best, bestAt = '', -1
              for i = 1, #all, 2 do
                local v = all[i + 1]
                local a = string.find(v, '|', 1, true)
                local b = string.find(v, '|', a + 1, true)
                local at = tonumber(string.sub(v, a + 1, b - 1))
                if redis.call('EXISTS', ARGV[4] .. string.sub(v, 1, a - 1)) == 1 then
                  if at > bestAt then best = string.sub(v, b + 1); bestAt = at end
                elseif ARGV[1] ~= 'get' then
                  redis.call('HDEL', KEYS[1], all[i])
                end
              end
              return best
            end
            local before = merged()
            if ARGV[1] == 'get' then return {before, before} end
            if ARGV[1] == 'set' then redis.call('HSET', KEYS[1], ARGV[2], ARGV[3]) else redis.call('HDEL', KEYS[1], ARGV[2]) end
            redis.call('PEXPIRE', KEYS[1], 86400000)
            return {before, merged()}
            """;
    private static final String NODES = "parley:node:";

    private final Valkey valkey;
    private final String nodeId;
    private final InMemoryPresenceStore local = new InMemoryPresenceStore();

    ValkeyPresenceStore(Vertx vertx, Valkey valkey, String nodeId) {
        this.valkey = valkey;
        this.nodeId = nodeId;
        vertx.setPeriodic(0, NODE_TTL_MS / 3, t -> {
            if (valkey.up()) {
                valkey.send(Request.cmd(Command.SET).arg(NODES + nodeId).arg("1").arg("PX").arg(NODE_TTL_MS));
            }
        });
    }

    @Override
    public Future<Optional<JsonObject>> update(long userId, String sessionId, JsonObject presence) {
        Optional<JsonObject> fallback = local.updateNow(userId, sessionId, presence);
        return change(userId, "set", sessionId, nodeId + "|" + System.currentTimeMillis() + "|" + presence.encode(),
                fallback);
    }

    @Override
    public Future<Optional<JsonObject>> remove(long userId, String sessionId) {
        Optional<JsonObject> fallback = local.removeNow(userId, sessionId);
        return change(userId, "del", sessionId, "", fallback);
    }

    @Override
    public Future<Map<Long, JsonObject>> visible(Collection<Long> userIds) {
        if (!valkey.up() || userIds.isEmpty()) {
            return local.visible(userIds);
        }
        List<Long> ids = List.copyOf(userIds);
        List<Request> reads = new ArrayList<>();
        ids.forEach(id -> reads.add(script(id, "get", "", "")));
        return valkey.batch(reads).map(replies -> {
            Map<Long, JsonObject> out = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                out.put(ids.get(i), PresenceStore.asSeen(parse(replies.get(i).get(1))));
            }
            return out;
        }).recover(e -> local.visible(userIds));
    }

    private Future<Optional<JsonObject>> change(long userId, String op, String sessionId, String entry,
                                                Optional<JsonObject> fallback) {
        if (!valkey.up()) {
            return Future.succeededFuture(fallback);
        }
        return valkey.send(script(userId, op, sessionId, entry)).map(reply -> {
            JsonObject before = parse(reply.get(0));
            JsonObject after = parse(reply.get(1));
            return before.equals(after) ? Optional.<JsonObject>empty() : Optional.of(after);
        }).recover(e -> Future.succeededFuture(fallback));
    }

    /** EVAL rather than EVALSHA-with-retry: the script is small and this keeps one round trip after a restart. */
    private static Request script(long userId, String op, String sessionId, String entry) {
        return Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg("parley:presence:" + userId).arg(op).arg(sessionId)
                .arg(entry).arg(NODES);
    }

    private static JsonObject parse(Response value) {
        String text = value == null ? "" : value.toString();
        return text.isEmpty() ? OFFLINE : new JsonObject(text);
    }
}
