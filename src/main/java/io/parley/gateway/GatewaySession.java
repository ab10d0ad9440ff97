package io.parley.gateway;

import io.vertx.core.Context;
import org.axonframework.eventhandling.GapAwareTrackingToken;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One identified session: who it is, what it asked for, its sequence and replay buffer.
 * It outlives its connection for the resume window. Dispatches are numbered under the
 * session's lock, from whichever thread produces them, and leave in that order.
 *
 * <p>In cluster mode a durable dispatch (one made while the live processor handles an event)
 * is held back until its {@code s} and event are written to Valkey by the {@link ResumeRecords}:
 * a client never sees a frame that another node could not account for when it resumes there.
 */
final class GatewaySession {
    /** Dispatches numbered by every session of this process (parley_gateway_dispatches_total). */
    static final java.util.concurrent.atomic.LongAdder DISPATCHES = new java.util.concurrent.atomic.LongAdder();

    final String id;
    final long userId;
    final boolean bot;
    final int intents;
    final Context context;
    final Set<Long> guilds = ConcurrentHashMap.newKeySet();
    private final ReplayBuffer replay;
    private final Deque<Frame> unsent = new ArrayDeque<>();
    private final Deque<Long> unrecorded = new ArrayDeque<>();
    private ResumeRecords records;
    private List<Held> held;
    private long seq;
    private long flushedThrough;
    private volatile GatewayConnection connection;
    /** The presence this session last set (op 3, IDENTIFY or a settings status change). */
    volatile io.vertx.core.json.JsonObject presence;
    private volatile long detachedAtMillis;
    /** The login session (token) it was identified or last resumed with: a logout of it ends this session. */
    private volatile long accountSessionId;

    private record Frame(long seq, String json) {
    }

    /** A dispatch kept aside while the session is rebuilt on this node; {@code index} null when ephemeral. */
    record Held(String type, String data, Long index) {
    }

    GatewaySession(String id, long userId, boolean bot, int intents, Context context, ReplayBuffer replay) {
        this.id = id;
        this.userId = userId;
        this.bot = bot;
        this.intents = intents;
        this.context = context;
        this.replay = replay;
    }

    long accountSessionId() {
        return accountSessionId;
    }

    void authenticatedBy(long accountSessionId) {
        this.accountSessionId = accountSessionId;
    }

    boolean wants(int intent) {
        return intent == 0 || (intents & intent) != 0;
    }

    /** Numbers the dispatch, keeps it for RESUME, sends it if connected. Any thread. */
    synchronized void dispatch(String type, String dataJson) {
        Long index = LivePosition.currentIndex();
        if (held != null) {
            held.add(new Held(type, dataJson, index));
            return;
        }
        emit(type, dataJson, index);
    }

    private void emit(String type, String dataJson, Long index) {
        DISPATCHES.increment();
        seq++;
        String frame = "{\"op\":0,\"s\":" + seq + ",\"t\":\"" + type + "\",\"d\":" + dataJson + "}";
        replay.add(seq, frame);
        if (records != null && index != null) {
            unrecorded.addLast(seq);
            records.frame(this, seq, index);
        }
        unsent.addLast(new Frame(seq, frame));
        flush();
    }

    /** Sends a dispatch that RESUME will not replay (the session's start-up payloads). */
    synchronized void dispatchUnbuffered(String type, String dataJson) {
        DISPATCHES.increment();
        seq++;
        replay.skip(seq);
        unsent.addLast(new Frame(seq, "{\"op\":0,\"s\":" + seq + ",\"t\":\"" + type + "\",\"d\":" + dataJson + "}"));
        flush();
    }

    void dispatchOnContext(String type, String dataJson) {
        dispatch(type, dataJson);
    }

    /** Frames leave in order, stopping at the first durable one whose record is not written yet. */
    private void flush() {
        long limit = unrecorded.isEmpty() ? Long.MAX_VALUE : unrecorded.peekFirst();
        GatewayConnection current = connection;
        while (!unsent.isEmpty() && unsent.peekFirst().seq() < limit) {
            Frame frame = unsent.pollFirst();
            flushedThrough = frame.seq();
            if (current != null) {
                current.send(frame.json());
            }
        }
    }

    /** The records of the durable frames up to {@code seq} are in Valkey (or cannot be: Valkey is down). */
    synchronized void recorded(long seq) {
        while (!unrecorded.isEmpty() && unrecorded.peekFirst() <= seq) {
            unrecorded.pollFirst();
        }
        flush();
    }

    synchronized void recordWith(ResumeRecords records) {
        this.records = records;
    }

    synchronized long seq() {
        return seq;
    }

    /** Same-node RESUME: sends what the client missed (of what already left), then takes over the connection. */
    synchronized boolean resumeOn(GatewayConnection next, long clientSeq) {
        if (clientSeq > seq) {
            return false;
        }
        Optional<List<String>> missed = replay.after(clientSeq);
        if (missed.isEmpty()) {
            return false;
        }
        long count = Math.max(0, flushedThrough - clientSeq);
        missed.get().stream().limit(count).forEach(next::send);
        attach(next);
        emit("RESUMED", "{}", null);
        return true;
    }

    /** A session rebuilt on this node after its own died: numbering continues from the client's {@code s}. */
    synchronized void startAt(long clientSeq) {
        seq = clientSeq;
        flushedThrough = clientSeq;
        replay.skip(clientSeq);
        held = new ArrayList<>();
    }

    /** Keeps every later dispatch aside (a collector for a replay, or a session being rebuilt). */
    synchronized void hold() {
        held = new ArrayList<>();
    }

    synchronized List<Held> held() {
        return held == null ? List.of() : List.copyOf(held);
    }

    /**
     * Ends a rebuild: from now on {@code records} keeps this session; the replayed dispatches,
     * a checkpoint at the cut, what arrived live meanwhile, then RESUMED, numbered in that order.
     */
    synchronized void release(List<Held> replayed, ResumeRecords records, GapAwareTrackingToken cut) {
        records.track(this, true);
        replayed.forEach(h -> emit(h.type(), h.data(), h.index()));
        records.checkpoint(this, seq, cut);
        List<Held> live = held;
        held = null;
        live.forEach(h -> emit(h.type(), h.data(), h.index()));
        emit("RESUMED", "{}", null);
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
