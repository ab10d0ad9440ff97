package io.parley.gateway;

import io.parley.cluster.Valkey;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Cluster mode: what another node needs to resume this node's sessions, kept in Valkey.
 * Per session, {@code parley:session:ID} holds who it is and which node holds it, and
 * {@code parley:session:ID:log:NODE} that node's list of entries (per node, so a node that
 * missed that its session was resumed elsewhere cannot spoil the new holder's log): {@code f:S:I} (frame S came from the event at global index I) and
 * {@code c:S:TOKEN} (a checkpoint: every frame for the events up to TOKEN is numbered S or
 * lower, and later durable frames come from later events). One thread writes them in batches
 * and releases each session's durable frames once written (see {@link GatewaySession}).
 */
final class ResumeRecords implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ResumeRecords.class);

    private final Valkey valkey;
    private final LivePosition position;
    private final String nodeId;
    private final long ttlMs;
    private final long refreshMs;
    private final int maxEntries;
    private final Set<GatewaySession> tracked = ConcurrentHashMap.newKeySet();
    private final Set<GatewaySession> broken = ConcurrentHashMap.newKeySet();
    private boolean wasUp = true;
    private final Object signal = new Object();
    private Map<GatewaySession, Pending> dirty = new HashMap<>();
    private final Thread writer;
    private volatile boolean closed;

    private static final class Pending {
        final List<String> entries = new ArrayList<>();
        long lastFrame = -1;
        boolean reset;
        boolean info;
    }

    ResumeRecords(Valkey valkey, LivePosition position, String nodeId, long resumeWindowMs, int maxEntries) {
        this.valkey = valkey;
        this.position = position;
        this.nodeId = nodeId;
        this.refreshMs = Math.max(1000, Math.min(10_000, resumeWindowMs / 3));
        this.ttlMs = resumeWindowMs + 2 * refreshMs;
        this.maxEntries = Math.max(64, maxEntries);
        this.writer = new Thread(this::run, "parley-resume-records");
        writer.setDaemon(true);
        writer.start();
    }

    static String key(String sessionId) {
        return "parley:session:" + sessionId;
    }

    /** Starts recording a session; {@code fresh} drops whatever log another node left for it. */
    void track(GatewaySession session, boolean fresh) {
        tracked.add(session);
        session.recordWith(this);
        synchronized (signal) {
            Pending p = dirty.computeIfAbsent(session, s -> new Pending());
            p.info = true;
            p.reset |= fresh;
            signal.notifyAll();
        }
    }

    /** Another node took the session over: stop writing its record, which is now theirs. */
    void untrack(GatewaySession session) {
        tracked.remove(session);
    }

    /** The session ended here; its record expires with the resume window (another node may hold it by now). */
    void forget(GatewaySession session) {
        tracked.remove(session);
    }

    static String logKey(String sessionId, String nodeId) {
        return key(sessionId) + ":log:" + nodeId;
    }

    /** Called under the session's lock as a durable frame is numbered. */
    void frame(GatewaySession session, long seq, long index) {
        synchronized (signal) {
            Pending p = dirty.computeIfAbsent(session, s -> new Pending());
            p.entries.add("f:" + seq + ":" + index);
            p.lastFrame = seq;
            signal.notifyAll();
        }
    }

    /** A checkpoint known to be exact (a rebuilt session at its cut). */
    void checkpoint(GatewaySession session, long seq, GapAwareTrackingToken token) {
        synchronized (signal) {
            dirty.computeIfAbsent(session, s -> new Pending()).entries.add("c:" + seq + ":" + encode(token));
        }
    }

    private void run() {
        long nextRefresh = System.currentTimeMillis() + refreshMs;
        while (!closed) {
            Map<GatewaySession, Pending> batch;
            synchronized (signal) {
                long wait = nextRefresh - System.currentTimeMillis();
                if (dirty.isEmpty() && wait > 0) {
                    try {
                        signal.wait(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = dirty;
                dirty = new HashMap<>();
            }
            boolean up = valkey.up();
            if (up && !wasUp) {
                // Valkey may have restarted empty: every record is written anew.
                broken.addAll(tracked);
            }
            wasUp = up;
            if (System.currentTimeMillis() >= nextRefresh || (up && !broken.isEmpty())) {
                nextRefresh = System.currentTimeMillis() + refreshMs;
                tracked.forEach(s -> batch.computeIfAbsent(s, k -> new Pending()));
            }
            try {
                write(batch);
            } catch (RuntimeException e) {
                log.warn("writing resume records failed", e);
                release(batch);
            }
        }
    }

    private void write(Map<GatewaySession, Pending> batch) {
        List<Request> requests = new ArrayList<>();
        if (batch.isEmpty()) {
            return;
        }
        // Between two events every numbered durable frame comes from an event the token covers.
        position.between(token -> {
            if (token != null) {
                String at = encode(token);
                batch.forEach((session, p) -> p.entries.add("c:" + session.seq() + ":" + at));
            }
            return null;
        });
        if (!valkey.up()) {
            broken.addAll(batch.keySet());
            release(batch);
            return;
        }
        batch.forEach((session, p) -> {
            if (!tracked.contains(session)) {
                return;
            }
            String info = key(session.id);
            String logKey = logKey(session.id, nodeId);
            if (p.reset || broken.remove(session)) {
                requests.add(Request.cmd(Command.DEL).arg(logKey));
                p.info = true;
            }
            if (p.info) {
                requests.add(Request.cmd(Command.SET).arg(info).arg(new JsonObject().put("user", session.userId)
                        .put("bot", session.bot).put("intents", session.intents).put("node", nodeId)
                        .put("login", session.accountSessionId()).encode())
                        .arg("PX").arg(ttlMs));
            } else {
                requests.add(Request.cmd(Command.PEXPIRE).arg(info).arg(ttlMs));
            }
            if (!p.entries.isEmpty()) {
                Request push = Request.cmd(Command.RPUSH).arg(logKey);
                p.entries.forEach(push::arg);
                requests.add(push);
                requests.add(Request.cmd(Command.LTRIM).arg(logKey).arg(-maxEntries).arg(-1));
            }
            requests.add(Request.cmd(Command.PEXPIRE).arg(logKey).arg(ttlMs));
        });
        try {
            valkey.batch(requests).toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("resume records not written: {}", e.toString());
            broken.addAll(batch.keySet());
        }
        release(batch);
    }

    private static void release(Map<GatewaySession, Pending> batch) {
        batch.forEach((session, p) -> {
            if (p.lastFrame >= 0) {
                session.recorded(p.lastFrame);
            }
        });
    }

    static String encode(GapAwareTrackingToken token) {
        return token.getIndex() + ";" + token.getGaps().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static GapAwareTrackingToken decode(String text) {
        int semi = text.indexOf(';');
        long index = Long.parseLong(text.substring(0, semi));
        String gaps = text.substring(semi + 1);
        List<Long> list = gaps.isEmpty() ? List.of()
                : java.util.Arrays.stream(gaps.split(",")).map(Long::parseLong).toList();
        return GapAwareTrackingToken.newInstance(index, list);
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }
}
