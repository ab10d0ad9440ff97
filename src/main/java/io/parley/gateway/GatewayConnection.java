package io.parley.gateway;

import io.parley.account.Principal;
import io.parley.account.SessionTokens;
import io.parley.http.Authenticator;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One WebSocket connection, on its event loop: HELLO, heartbeats, IDENTIFY or RESUME, the
 * per-connection limits, and every close with its documented code. Nothing here blocks.
 */
final class GatewayConnection {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEFAULT_LARGE_THRESHOLD = 50;
    private static final java.util.Set<Integer> CLIENT_OPS = java.util.Set.of(Opcodes.HEARTBEAT, Opcodes.IDENTIFY,
            Opcodes.PRESENCE_UPDATE, Opcodes.VOICE_STATE_UPDATE, Opcodes.VOICE_SERVER_PING, Opcodes.RESUME,
            Opcodes.REQUEST_GUILD_MEMBERS, Opcodes.LAZY_REQUEST);

    private final ServerWebSocket ws;
    private final Gateway gateway;
    private final ParleyConfig.Gateway limits;
    private final PayloadCompressor compressor;
    private final int version;
    private GatewaySession session;
    private boolean identifying;
    private boolean resuming;
    private volatile boolean closed;
    private long lastHeartbeatMillis = System.currentTimeMillis();
    private long windowStartMillis = System.currentTimeMillis();
    private int windowCount;
    private long zombieTimer = -1;
    private long identifyTimer = -1;
    private long heldUser;
    private volatile String heldSession;

    GatewayConnection(ServerWebSocket ws, Gateway gateway, String compress, int version) {
        this.ws = ws;
        this.gateway = gateway;
        this.limits = gateway.config();
        this.compressor = PayloadCompressor.of(compress);
        this.version = version;
    }

    void start() {
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(b -> close(CloseCode.DECODE_ERROR, "Parley accepts JSON text frames only"));
        ws.closeHandler(v -> onClosed());
        ws.exceptionHandler(this::onException);
        send(new JsonObject().put("op", Opcodes.HELLO).put("d", new JsonObject()
                .put("heartbeat_interval", limits.heartbeatIntervalMs())).encode());
        identifyTimer = gateway.vertx().setTimer(limits.identifyTimeoutMs(), t -> {
            if (session == null) {
                close(CloseCode.NOT_AUTHENTICATED, "IDENTIFY or RESUME was not sent in time");
            }
        });
        long check = Math.max(1000, limits.heartbeatTimeoutMs() / 4);
        zombieTimer = gateway.vertx().setPeriodic(check, t -> {
            if (System.currentTimeMillis() - lastHeartbeatMillis > limits.heartbeatTimeoutMs()) {
                close(CloseCode.SESSION_TIMED_OUT, "no heartbeat");
            }
        });
    }

    /** Thread-safe: Vert.x queues writes from other threads onto the connection's loop. */
    void send(String json) {
        if (closed) {
            return;
        }
        if (compressor != null) {
            synchronized (compressor) {
                if (!closed) {
                    ws.writeBinaryMessage(compressor.compress(json));
                }
            }
        } else {
            ws.writeTextMessage(json);
        }
    }

    void close(CloseCode code, String detail) {
        if (closed) {
            return;
        }
        closed = true;
        ws.close(code.code(), code.reason() + (detail == null ? "" : ": " + detail));
    }

    /** op 7: asks the client to reconnect and resume (graceful shutdown, drain). */
    void reconnect() {
        send(new JsonObject().put("op", Opcodes.RECONNECT).putNull("d").encode());
    }

    /** A frame Netty could not take (too large, not UTF-8, malformed) is the client's decode error. */
    private void onException(Throwable e) {
        boolean decode = e instanceof io.netty.handler.codec.CorruptedFrameException
                || e instanceof io.netty.handler.codec.TooLongFrameException
                || e instanceof io.netty.handler.codec.DecoderException
                || e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max size");
        close(decode ? CloseCode.DECODE_ERROR : CloseCode.UNKNOWN_ERROR, decode ? "malformed or oversized frame" : "connection error");
    }

    private void onText(String text) {
        try {
            handleText(text);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(GatewayConnection.class).warn("a gateway payload failed", e);
            close(CloseCode.UNKNOWN_ERROR, null);
        }
    }

    private void handleText(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > limits.maxPayloadBytes()) {
            close(CloseCode.DECODE_ERROR, "payload over " + limits.maxPayloadBytes() + " bytes");
            return;
        }
        JsonObject payload;
        try {
            payload = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            close(CloseCode.DECODE_ERROR, "not a JSON object");
            return;
        }
        Object op = payload.getValue("op");
        if (!(op instanceof Integer opcode)) {
            close(CloseCode.DECODE_ERROR, "op must be an integer");
            return;
        }
        if (CLIENT_OPS.contains(opcode)) {
            String problem = FrameRules.problem(opcode, payload.getValue("d"));
            if (problem != null) {
                close(CloseCode.DECODE_ERROR, problem);
                return;
            }
        }
        if (opcode == Opcodes.HEARTBEAT) {
            lastHeartbeatMillis = System.currentTimeMillis();
            send("{\"op\":11}");
            return;
        }
        if (!withinSendLimit()) {
            close(CloseCode.RATE_LIMITED, "over " + limits.sendLimit().count() + " payloads per "
                    + limits.sendLimit().period().toSeconds() + " s");
            return;
        }
        if (gateway.draining() && session == null && (opcode == Opcodes.IDENTIFY || opcode == Opcodes.RESUME)) {
            reconnect();
            return;
        }
        switch (opcode) {
            case Opcodes.IDENTIFY -> identify(payload.getValue("d"));
            case Opcodes.RESUME -> resume(payload.getValue("d"));
            case Opcodes.PRESENCE_UPDATE -> presence(payload.getValue("d"));
            case Opcodes.REQUEST_GUILD_MEMBERS -> requestMembers(payload.getValue("d"));
            case Opcodes.VOICE_STATE_UPDATE -> voiceState(payload.getValue("d"));
            case Opcodes.VOICE_SERVER_PING, Opcodes.LAZY_REQUEST -> requireSession();
            default -> close(CloseCode.UNKNOWN_OPCODE, "opcode " + opcode);
        }
    }

    private void presence(Object raw) {
        if (!requireSession()) {
            return;
        }
        JsonObject presence = Presences.parse(raw);
        if (presence == null) {
            close(CloseCode.DECODE_ERROR, "status must be online, idle, dnd, invisible or offline");
            return;
        }
        gateway.presences().set(session, presence);
    }

    private void voiceState(Object raw) {
        if (requireSession() && gateway.voice() != null && !gateway.voice().handle(session, raw, this)) {
            close(CloseCode.DECODE_ERROR, "VOICE_STATE_UPDATE needs guild_id and channel_id as ids (or null)");
        }
    }

    private void requestMembers(Object raw) {
        if (!requireSession()) {
            return;
        }
        if (!(raw instanceof JsonObject d)
                || !gateway.memberChunks().request(session, d, () -> close(CloseCode.DISALLOWED_INTENTS, "GUILD_MEMBERS"))) {
            close(CloseCode.DECODE_ERROR, "REQUEST_GUILD_MEMBERS needs guild_id and query or user_ids");
        }
    }

    private boolean requireSession() {
        if (session == null) {
            close(CloseCode.NOT_AUTHENTICATED, null);
            return false;
        }
        return true;
    }

    private boolean withinSendLimit() {
        long now = System.currentTimeMillis();
        if (now - windowStartMillis >= limits.sendLimit().period().toMillis()) {
            windowStartMillis = now;
            windowCount = 0;
        }
        return ++windowCount <= limits.sendLimit().count();
    }

    private void identify(Object raw) {
        if (session != null || identifying) {
            close(CloseCode.ALREADY_AUTHENTICATED, null);
            return;
        }
        if (!(raw instanceof JsonObject d) || !(d.getValue("token") instanceof String token)) {
            close(CloseCode.DECODE_ERROR, "IDENTIFY needs d.token");
            return;
        }
        Object intentsValue = d.getValue("intents", 0);
        if (!(intentsValue instanceof Number number) || (number.longValue() & ~Intents.KNOWN) != 0) {
            close(CloseCode.DISALLOWED_INTENTS, null);
            return;
        }
        JsonArray shard = d.getValue("shard") instanceof JsonArray s ? s : new JsonArray().add(0).add(1);
        if (shard.size() != 2 || !Integer.valueOf(0).equals(shard.getValue(0)) || !Integer.valueOf(1).equals(shard.getValue(1))) {
            close(CloseCode.INVALID_SHARD, "Parley runs one shard: [0, 1]");
            return;
        }
        long askedThreshold = d.getValue("large_threshold") instanceof Number n ? n.longValue() : DEFAULT_LARGE_THRESHOLD;
        int largeThreshold = (int) Math.max(50, Math.min(250, askedThreshold));
        JsonObject presence = Presences.parse(d.getValue("presence"));
        if (presence == null) {
            close(CloseCode.DECODE_ERROR, "IDENTIFY presence status is not valid");
            return;
        }
        // without one, the session starts with the status stored in the user's settings
        boolean presenceGiven = d.getValue("presence") != null;
        identifying = true;
        principal(token).onComplete(result -> {
            if (result.failed() || result.result().isEmpty()) {
                close(CloseCode.AUTHENTICATION_FAILED, null);
                return;
            }
            var principal = result.result().get();
            String sessionId = HexFormat.of().formatHex(randomBytes());
            gateway.sessionCap().take(principal.userId(), sessionId).onComplete(place -> {
                if (place.failed() || !place.result()) {
                    close(CloseCode.RATE_LIMITED, "too many sessions for this user");
                } else if (closed) {
                    gateway.sessionCap().release(principal.userId(), sessionId);
                } else {
                    holdPlace(principal.userId(), sessionId);
                    limitIdentify(principal, sessionId, number.intValue(), largeThreshold,
                            presenceGiven ? presence : null);
                }
            });
        });
    }

    private void limitIdentify(Principal principal, String sessionId, int intents, int largeThreshold,
                               JsonObject presence) {
        String ip = gateway.clientAddress().of(ws.remoteAddress() == null ? null : ws.remoteAddress().host(),
                ws.headers().getAll("X-Forwarded-For"));
        gateway.rateLimiter().acquire("identify-ip:" + ip, limits.identifyPerIp())
                .compose(byIp -> byIp.allowed()
                        ? gateway.rateLimiter().acquire("identify-user:" + principal.userId(), limits.identifyPerUser())
                        : Future.succeededFuture(byIp))
                .onSuccess(decision -> {
                    if (!decision.allowed()) {
                        close(CloseCode.RATE_LIMITED, "identifying too often");
                    } else {
                        begin(principal, sessionId, intents, largeThreshold, presence);
                    }
                })
                .onFailure(e -> close(CloseCode.UNKNOWN_ERROR, null));
    }

    private void begin(Principal principal, String sessionId, int intents, int largeThreshold, JsonObject presence) {
        GatewaySession created = new GatewaySession(sessionId, principal.userId(), principal.bot(),
                intents, gateway.vertx().getOrCreateContext(),
                new ReplayBuffer(limits.replayEvents(), limits.replayBytes()));
        created.authenticatedBy(principal.sessionId());
        gateway.readyBuilder().ready(principal.userId(), sessionId, gateway.publicUrl(ws), version)
                .onFailure(e -> close(CloseCode.UNKNOWN_ERROR, null))
                .onSuccess(ready -> start(created, ready, largeThreshold, presence));
    }

    private void start(GatewaySession created, ReadyBuilder.Ready ready, int largeThreshold, JsonObject presence) {
        if (closed) {
            return;
        }
        session = created;
        session.attach(this);
        gateway.vertx().cancelTimer(identifyTimer);
        gateway.sessions().add(session);
        if (gateway.revocations().revoked(session.userId, session.accountSessionId())) {
            gateway.sessions().remove(session);
            close(CloseCode.AUTHENTICATION_FAILED, "the session's token was revoked");
            return;
        }
        if (gateway.records() != null) {
            gateway.records().track(session, true);
        }
        ready.guildIds().forEach(id -> gateway.sessions().subscribe(session, id));
        session.dispatchUnbuffered("READY", ready.data().encode());
        gateway.presences().set(session, presence != null ? presence
                : Presences.fromSettings(ready.data().getJsonObject("user_settings")));
        Future<Void> chain = Future.succeededFuture();
        for (long guildId : ready.guildIds()) {
            chain = chain.compose(v -> gateway.readyBuilder().guildCreate(guildId, session.userId, largeThreshold)
                    .map(guild -> {
                        if (guild != null && session.wants(Intents.GUILDS)) {
                            session.dispatchUnbuffered("GUILD_CREATE", guild.encode());
                        }
                        return null;
                    }));
        }
    }

    private void resume(Object raw) {
        if (session != null || resuming) {
            close(CloseCode.ALREADY_AUTHENTICATED, null);
            return;
        }
        if (!(raw instanceof JsonObject d) || !(d.getValue("token") instanceof String token)
                || !(d.getValue("session_id") instanceof String sessionId) || !(d.getValue("seq") instanceof Number seq)) {
            close(CloseCode.DECODE_ERROR, "RESUME needs token, session_id and seq");
            return;
        }
        principal(token).onComplete(result -> {
            if (result.failed() || result.result().isEmpty()) {
                invalidSession();
                return;
            }
            long userId = result.result().get().userId();
            long accountSessionId = result.result().get().sessionId();
            var found = gateway.sessions().byId(sessionId);
            if (found.isEmpty()) {
                resumeFromAnotherNode(userId, accountSessionId, sessionId, seq.longValue());
                return;
            }
            if (found.get().userId != userId || found.get().accountSessionId() != accountSessionId) {
                invalidSession();
                return;
            }
            GatewaySession resumed = found.get();
            resumed.context.runOnContext(v -> resumeOnSessionLoop(resumed, accountSessionId, seq.longValue()));
        });
    }

    private void resumeOnSessionLoop(GatewaySession resumed, long accountSessionId, long seq) {
        GatewayConnection previous = resumed.connection();
        resumed.authenticatedBy(accountSessionId);
        if (!resumed.resumeOn(this, seq)) {
            invalidSession();
            return;
        }
        if (previous != null && previous != this) {
            previous.close(CloseCode.UNKNOWN_ERROR, "resumed elsewhere");
        }
        session = resumed;
        gateway.vertx().cancelTimer(identifyTimer);
        holdPlace(resumed.userId, resumed.id);
        gateway.sessionCap().hold(resumed.userId, resumed.id);
    }

    /** Cluster mode: the session lived on a node that is gone; rebuild it here from the event log. */
    private void resumeFromAnotherNode(long userId, long accountSessionId, String sessionId, long seq) {
        RemoteResume remote = gateway.remoteResume();
        if (remote == null) {
            invalidSession();
            return;
        }
        resuming = true;
        remote.resume(userId, accountSessionId, sessionId, seq, gateway.vertx().getOrCreateContext(), this).onComplete(result -> {
            resuming = false;
            GatewaySession rebuilt = result.succeeded() ? result.result() : null;
            if (rebuilt == null) {
                invalidSession();
                return;
            }
            rebuilt.authenticatedBy(accountSessionId);
            holdPlace(userId, sessionId);
            gateway.sessionCap().hold(userId, sessionId);
            session = rebuilt;
            gateway.vertx().cancelTimer(identifyTimer);
            // the presence it had died with its node; it comes back with the stored status
            gateway.presences().stored(userId).onSuccess(presence -> {
                if (!closed) {
                    gateway.presences().set(rebuilt, presence);
                }
            });
            gateway.clusterLink().taken(userId, sessionId);
            if (closed) {
                rebuilt.context.runOnContext(v -> {
                    rebuilt.detach(this, System.currentTimeMillis());
                    gateway.presences().ended(rebuilt);
                });
            }
        });
    }

    /** op 9 with d:false: the session cannot be resumed; the client identifies anew. */
    private void invalidSession() {
        send("{\"op\":9,\"d\":false}");
    }

    private void onClosed() {
        closed = true;
        gateway.forget(this);
        gateway.vertx().cancelTimer(zombieTimer);
        gateway.vertx().cancelTimer(identifyTimer);
        if (compressor != null) {
            synchronized (compressor) {
                compressor.close();
            }
        }
        if (session != null) {
            GatewaySession detached = session;
            detached.context.runOnContext(v -> {
                detached.detach(this, System.currentTimeMillis());
                gateway.presences().ended(detached);
                if (detached.connection() == null) {
                    releasePlace();
                }
            });
        } else {
            releasePlace();
        }
    }

    /** This connection holds a place of the user's {@link SessionCap} for the session, until it closes. */
    private void holdPlace(long userId, String sessionId) {
        heldUser = userId;
        heldSession = sessionId;
    }

    private void releasePlace() {
        if (heldSession != null) {
            gateway.sessionCap().release(heldUser, heldSession);
            heldSession = null;
        }
    }

    /** IDENTIFY and RESUME accept the same token forms as REST's Authorization header. */
    private Future<java.util.Optional<Principal>> principal(String raw) {
        String token = Authenticator.token(raw);
        return token == null ? Future.succeededFuture(java.util.Optional.empty())
                : gateway.accounts().principalByTokenHash(SessionTokens.hash(token));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
