package io.parley.gateway;

import io.parley.account.AccountQueries;
import io.parley.http.ratelimit.RateLimiter;
import io.parley.member.MemberQueries;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.HostAndPort;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSocket gateway of one node: accepts connections at {@code /gateway}, checks the
 * query ({@code v}, {@code encoding}, {@code compress}) and Origin, and owns the sessions.
 */
public final class Gateway {
    public static final String PATH = "/gateway";

    private final Vertx vertx;
    private final ParleyConfig.Gateway config;
    private final AccountQueries accounts;
    private final Sessions sessions;
    private final ReadyBuilder readyBuilder;
    private final Presences presences;
    private final MemberChunks memberChunks;
    private final RateLimiter rateLimiter;
    private volatile VoiceRequests voice;
    private final Map<GatewayConnection, Boolean> connections = new ConcurrentHashMap<>();
    private volatile ResumeRecords records;
    private volatile RemoteResume remoteResume;
    private volatile ClusterLink clusterLink;
    private volatile boolean draining;
    private volatile SessionCap sessionCap;
    private final Revocations revocations = new Revocations();
    private volatile io.parley.http.ClientAddress clientAddress = new io.parley.http.ClientAddress(List.of());

    Gateway(Vertx vertx, ParleyConfig.Gateway config, AccountQueries accounts, MemberQueries members,
            Sessions sessions, ReadyBuilder readyBuilder, RateLimiter rateLimiter, Presences presences) {
        this.rateLimiter = rateLimiter;
        this.vertx = vertx;
        this.config = config;
        this.accounts = accounts;
        this.sessions = sessions;
        this.readyBuilder = readyBuilder;
        this.presences = presences;
        this.memberChunks = new MemberChunks(members, presences);
        this.sessionCap = new SessionCap(config.sessionsPerUser());
        long sweep = Math.max(1000, config.resumeWindowSeconds() * 1000L / 4);
        vertx.setPeriodic(sweep, t -> expireDetachedSessions());
    }

    /** Rejects upgrades to other paths and from Origins outside the allow-list before they become WebSockets. */
    public Handler<ServerWebSocketHandshake> handshakeHandler() {
        return handshake -> {
            String path = handshake.path();
            if (!PATH.equals(path) && !(PATH + "/").equals(path)) {
                handshake.reject(404);
                return;
            }
            String origin = handshake.headers().get("Origin");
            if (origin != null && !config.allowedOrigins().isEmpty() && !config.allowedOrigins().contains(origin)) {
                handshake.reject(403);
                return;
            }
            handshake.accept();
        };
    }

    public Handler<ServerWebSocket> connectionHandler() {
        return ws -> {
            Map<String, String> query = QueryParams.parse(ws.query());
            String v = query.getOrDefault("v", "10");
            String encoding = query.getOrDefault("encoding", "json");
            String compress = query.get("compress");
            boolean supported = compress == null || List.of("zlib-stream", "zstd-stream").contains(compress);
            GatewayConnection connection = new GatewayConnection(ws, this, supported ? compress : null,
                    "1".equals(v) ? 1 : 10);
            if (!List.of("1", "10").contains(v)) {
                connection.close(CloseCode.INVALID_API_VERSION, "use v=10 (Discord) or v=1 (Fluxer)");
            } else if (!"json".equals(encoding)) {
                connection.close(CloseCode.DECODE_ERROR, "only encoding=json is supported");
            } else if (!supported) {
                connection.close(CloseCode.DECODE_ERROR, "compress must be zlib-stream or zstd-stream");
            } else {
                connections.put(connection, Boolean.TRUE);
                connection.start();
            }
        };
    }

    /** op 7 to every connection, so clients move to another node and resume (graceful shutdown). */
    public void reconnectAll() {
        connections.keySet().forEach(GatewayConnection::reconnect);
    }

    /**
     * Drain before shutdown: op 7 to every connection now and to any that identifies or resumes
     * here from now on, so clients move to other nodes (where they RESUME).
     */
    public int drain() {
        draining = true;
        int count = connections.size();
        reconnectAll();
        return count;
    }

    /**
     * The node is stopping: drain, then close every connection with a resumable code so that
     * none is left to the HTTP server's shutdown (which would close with 1000, ending the
     * session for Discord clients). Returns how many connections there were.
     */
    public int shutdown() {
        int count = drain();
        connections.keySet().forEach(connection -> connection.close(CloseCode.SERVICE_RESTART, "Parley is stopping"));
        return count;
    }

    /** Behind trusted proxies the client address comes from X-Forwarded-For (per-address IDENTIFY limit). */
    public void trustProxies(List<String> proxies) {
        this.clientAddress = new io.parley.http.ClientAddress(proxies);
    }

    io.parley.http.ClientAddress clientAddress() {
        return clientAddress;
    }

    boolean draining() {
        return draining;
    }

    void cluster(ResumeRecords records, RemoteResume remoteResume, ClusterLink clusterLink, SessionCap sessionCap) {
        this.sessionCap = sessionCap;
        this.records = records;
        this.remoteResume = remoteResume;
        this.clusterLink = clusterLink;
    }

    /** Cluster mode only; null on a single node. */
    ResumeRecords records() {
        return records;
    }

    RemoteResume remoteResume() {
        return remoteResume;
    }

    Revocations revocations() {
        return revocations;
    }

    SessionCap sessionCap() {
        return sessionCap;
    }

    ClusterLink clusterLink() {
        return clusterLink;
    }

    void forget(GatewayConnection connection) {
        connections.remove(connection);
    }

    /** Dispatches sent to sessions by this process since it started. */
    public static long dispatchesSent() {
        return GatewaySession.DISPATCHES.sum();
    }

    public int sessionCount() {
        return sessions.count();
    }

    String publicUrl(ServerWebSocket ws) {
        return config.publicUrl().orElseGet(() -> {
            HostAndPort authority = ws.authority();
            return "ws://" + (authority == null ? "localhost" : authority.host() + ":" + authority.port()) + PATH;
        });
    }

    private void expireDetachedSessions() {
        long now = System.currentTimeMillis();
        long window = config.resumeWindowSeconds() * 1000L;
        sessions.all().stream().filter(s -> s.expired(now, window)).toList().forEach(session -> {
            sessions.remove(session);
            ResumeRecords current = records;
            if (current != null) {
                current.forget(session);
            }
        });
    }

    void voice(VoiceRequests voice) {
        this.voice = voice;
    }

    VoiceRequests voice() {
        return voice;
    }

    Vertx vertx() {
        return vertx;
    }

    ParleyConfig.Gateway config() {
        return config;
    }

    AccountQueries accounts() {
        return accounts;
    }

    Sessions sessions() {
        return sessions;
    }

    ReadyBuilder readyBuilder() {
        return readyBuilder;
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    Presences presences() {
        return presences;
    }

    MemberChunks memberChunks() {
        return memberChunks;
    }
}
