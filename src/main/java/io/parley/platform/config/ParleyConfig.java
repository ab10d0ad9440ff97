package io.parley.platform.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The whole typed configuration of one Parley node, validated when it is built. */
public record ParleyConfig(Http http, Gateway gateway, String logFormat, Vertx vertx, Path dataDir, Db db, Axon axon, Limits limits, Snowflake snowflake,
                           Auth auth, Cluster cluster, Search search, Voice voice,
                           Expressions expressions) {

    /** {@code corsOrigins} empty: no CORS headers at all; "*" allows any origin. */
    public record Http(String host, int port, int instances, int bodyLimitBytes, java.util.List<String> trustedProxies,
                       java.util.List<String> corsOrigins, int corsMaxAgeSeconds,
                       int maxInitialLineBytes, int maxHeaderBytes, int idleTimeoutSeconds, int requestBodyTimeoutMs,
                       RouteLimits rateLimits) {
    }

    /** Per caller: across all API routes, per route and top-level resource by default, and Discord's tighter buckets. */
    public record RouteLimits(RateLimit global, RateLimit defaultRoute, RateLimit messageCreate, RateLimit reactions) {
    }

    public record Gateway(Optional<String> publicUrl, int heartbeatIntervalMs, int heartbeatTimeoutMs,
                          int identifyTimeoutMs, int resumeWindowSeconds, int replayEvents, int replayBytes,
                          int maxPayloadBytes, RateLimit sendLimit, int sessionsPerUser, RateLimit identifyPerUser,
                          RateLimit identifyPerIp, int presenceGraceMs,
                          java.util.List<String> allowedOrigins) {
    }

    public record Vertx(int eventLoops, int blockedWarningMs) {
    }

    public record Db(Optional<String> url, Optional<String> user, Optional<String> password,
                     int jdbcPoolSize, int reactivePoolSize, Embedded embedded,
                     int healthCheckIntervalMs, int unavailableExitAfterMs) {
        public boolean isEmbedded() {
            return url.isEmpty();
        }
    }

    public record Embedded(int port, boolean fsync, boolean synchronousCommit, int startupTimeoutSeconds,
                           int sharedBuffersMb, int effectiveCacheSizeMb) {
    }

    public record Axon(int commandThreads, int snapshotThreshold, int projectionBatchSize,
                       int readYourWritesTimeoutMs, int handlerRetries, int handlerRetryBackoffMs,
                       int deadLetterLimit) {
    }

    public record Limits(int guildsPerUser, int channelsPerGuild, int channelsPerCategory, int rolesPerGuild,
                         int invitesPerGuild, int messageLength, int embedsPerMessage, int reactionsPerMessage,
                         int pinsPerChannel, int attachmentsPerMessage, int attachmentBytes, int nonceWindowSeconds,
                         int relationshipsPerUser, int groupDmRecipients) {
    }

    public record Snowflake(int workerId, int processId) {
    }

    public record Auth(Argon2 argon2, RateLimit loginPerAccount, RateLimit loginPerIp, RateLimit registerPerIp) {
    }

    public record Argon2(int memoryKib, int iterations, int parallelism) {
    }

    /** Cluster mode is on when {@code valkey.url} is set. */
    public record Cluster(Optional<String> valkeyUrl, Optional<String> nodeId, int pollIntervalMs, int claimTimeoutMs,
                          int claimIntervalMs, Optional<String> drainToken) {
        public boolean enabled() {
            return valkeyUrl.isPresent();
        }
    }

    /** Message search: PostgreSQL full-text search unless a Meilisearch URL is set. */
    public record Search(int batchSize, int maxTotalResults, Optional<String> meiliUrl, Optional<String> meiliApiKey,
                         String meiliIndex, int meiliTaskTimeoutMs) {
    }

    /** Stickers and incoming webhooks (emoji limits are still constants). */
    public record Expressions(int stickersPerGuild, int stickerBytes, int webhooksPerChannel, RateLimit webhookExecute) {
    }

    public record Voice(String livekitUrl, String apiKey, String apiSecret, int tokenTtlSeconds, int requestTimeoutMs,
                        java.util.List<String> regions, Optional<String> roomServiceUrl, int enforceRetryMs) {
        public Voice(String livekitUrl, String apiKey, String apiSecret, int tokenTtlSeconds, int requestTimeoutMs,
                     java.util.List<String> regions) {
            this(livekitUrl, apiKey, apiSecret, tokenTtlSeconds, requestTimeoutMs, regions, Optional.empty(), 120_000);
        }
    }

    /** Where attachment files are kept: {@code <data.dir>/attachments}. */
    public Path attachmentsDir() {
        return dataDir.resolve("attachments");
    }

    /** Where multipart uploads wait while their request is read: {@code <data.dir>/uploads}. */
    public Path uploadsDir() {
        return dataDir.resolve("uploads");
    }

    /** The largest multipart message body: every attachment at its size limit plus a JSON body's worth. */
    public long uploadBodyLimitBytes() {
        return (long) limits.attachmentsPerMessage() * limits.attachmentBytes() + http.bodyLimitBytes();
    }

    /** Defaults, environment and system properties, plus an optional --config file. */
    public static ParleyConfig load(Optional<Path> file) {
        return from(values(file));
    }

    /** The same layers, untyped: what {@code parley config} prints. */
    public static ConfigValues values(Optional<Path> file) {
        return ConfigValues.load(file, System.getenv(), systemOverrides());
    }

    private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile("https?://[^/\\s]+");

    /** http.cors_origins: comma-separated scheme://host[:port] origins, or "*". */
    private static java.util.List<String> corsOrigins(ConfigValues v) {
        java.util.List<String> origins = v.optionalString("http.cors_origins")
                .map(o -> java.util.Arrays.stream(o.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList())
                .orElse(java.util.List.of());
        for (String origin : origins) {
            if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                throw new ConfigException("configuration key 'http.cors_origins': '" + origin
                        + "' is not an origin (scheme://host[:port], no path) or *");
            }
        }
        return origins;
    }

    public static ParleyConfig from(ConfigValues v) {
        return new ParleyConfig(
                new Http(v.string("http.host"), v.intIn("http.port", 0, 65535),
                        v.intIn("http.instances", 0, 256), v.intIn("http.body_limit_bytes", 1024, Integer.MAX_VALUE),
                        v.optionalString("http.trusted_proxies").map(o -> java.util.Arrays.stream(o.split(","))
                                .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of()),
                        corsOrigins(v), v.intIn("http.cors_max_age_seconds", 0, 86_400),
                        v.intIn("http.max_initial_line_bytes", 1024, 1024 * 1024),
                        v.intIn("http.max_header_bytes", 1024, 1024 * 1024),
                        v.intIn("http.idle_timeout_seconds", 0, 86_400),
                        v.intIn("http.request_body_timeout_ms", 0, 3_600_000),
                        new RouteLimits(v.rate("http.rate_limits.global"), v.rate("http.rate_limits.default"),
                                v.rate("http.rate_limits.message_create"), v.rate("http.rate_limits.reactions"))),
                new Gateway(v.optionalString("gateway.public_url"), v.intIn("gateway.heartbeat_interval_ms", 1000, 600_000),
                        v.intIn("gateway.heartbeat_timeout_ms", 1000, 600_000),
                        v.intIn("gateway.identify_timeout_ms", 100, 600_000),
                        v.intIn("gateway.resume_window_seconds", 0, 3600), v.intIn("gateway.replay_events", 0, 1_000_000),
                        v.intIn("gateway.replay_bytes", 0, Integer.MAX_VALUE),
                        v.intIn("gateway.max_payload_bytes", 256, 16 * 1024 * 1024), v.rate("gateway.send_limit"),
                        v.intIn("gateway.sessions_per_user", 1, 100_000), v.rate("gateway.identify_per_user"),
                        v.rate("gateway.identify_per_ip"), v.intIn("gateway.presence_grace_ms", 0, 600_000),
                        v.optionalString("gateway.allowed_origins").map(o -> java.util.Arrays.stream(o.split(","))
                                .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of())),
                v.oneOf("log.format", "text", "json"),
                new Vertx(v.intIn("vertx.event_loops", 0, 1024), v.intIn("vertx.blocked_warning_ms", 10, 600_000)),
                v.path("data.dir"),
                new Db(v.optionalString("db.url"), v.optionalString("db.user"), v.optionalString("db.password"),
                        v.intIn("db.jdbc_pool_size", 2, 1000), v.intIn("db.reactive_pool_size", 1, 1000),
                        new Embedded(v.intIn("db.embedded.port", 0, 65535), v.bool("db.embedded.fsync"),
                                v.bool("db.embedded.synchronous_commit"),
                                v.intIn("db.embedded.startup_timeout_seconds", 1, 600),
                                v.intIn("db.embedded.shared_buffers_mb", 16, 1024 * 1024),
                                v.intIn("db.embedded.effective_cache_size_mb", 16, 16 * 1024 * 1024)),
                        v.intIn("db.health_check_interval_ms", 50, 60_000),
                        v.intIn("db.unavailable_exit_after_ms", 0, 86_400_000)),
                new Axon(v.intIn("axon.command_threads", 1, 512), v.intIn("axon.snapshot_threshold", 2, 1_000_000),
                        v.intIn("axon.projection_batch_size", 1, 10_000),
                        v.intIn("axon.read_your_writes_timeout_ms", 0, 60_000),
                        v.intIn("axon.handler_retries", 0, 100), v.intIn("axon.handler_retry_backoff_ms", 0, 60_000),
                        v.intIn("axon.dead_letter_limit", 1, 1_000_000)),
                new Limits(v.intIn("limits.guilds_per_user", 1, 100_000), v.intIn("limits.channels_per_guild", 1, 100_000),
                        v.intIn("limits.channels_per_category", 1, 100_000), v.intIn("limits.roles_per_guild", 1, 100_000),
                        v.intIn("limits.invites_per_guild", 1, 1_000_000), v.intIn("limits.message_length", 1, 100_000),
                        v.intIn("limits.embeds_per_message", 0, 100), v.intIn("limits.reactions_per_message", 1, 1000),
                        v.intIn("limits.pins_per_channel", 1, 10_000), v.intIn("limits.attachments_per_message", 0, 100),
                        v.intIn("limits.attachment_bytes", 1, Integer.MAX_VALUE),
                        v.intIn("limits.nonce_window_seconds", 1, 86_400),
                        v.intIn("limits.relationships_per_user", 1, 1_000_000),
                        v.intIn("limits.group_dm_recipients", 2, 1000)),
                new Snowflake(v.intIn("snowflake.worker_id", 0, 31), v.intIn("snowflake.process_id", 0, 31)),
                new Auth(new Argon2(v.intIn("auth.argon2.memory_kib", 8, 4 * 1024 * 1024),
                        v.intIn("auth.argon2.iterations", 1, 100), v.intIn("auth.argon2.parallelism", 1, 64)),
                        v.rate("auth.rate_limits.login_per_account"), v.rate("auth.rate_limits.login_per_ip"),
                        v.rate("auth.rate_limits.register_per_ip")),
                new Cluster(v.optionalString("valkey.url"), v.optionalString("cluster.node_id"),
                        v.intIn("cluster.poll_interval_ms", 1, 60_000), v.intIn("cluster.claim_timeout_ms", 1000, 600_000),
                        v.intIn("cluster.claim_interval_ms", 100, 600_000), v.optionalString("cluster.drain_token")),

                new Search(v.intIn("search.batch_size", 1, 100_000), v.intIn("search.max_total_results", 25, 1_000_000),
                        v.optionalString("meili.url"), v.optionalString("meili.api_key"), v.string("meili.index"),
                        v.intIn("meili.task_timeout_ms", 100, 3_600_000)),

                new Voice(v.string("voice.livekit_url"), v.string("voice.api_key"), v.string("voice.api_secret"),
                        v.intIn("voice.token_ttl_seconds", 10, 86_400), v.intIn("voice.request_timeout_ms", 100, 120_000),
                        v.optionalString("voice.regions").map(o -> java.util.Arrays.stream(o.split(","))
                                .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of()),
                        v.optionalString("voice.room_service_url"), v.intIn("voice.enforce_retry_ms", 0, 3_600_000)),


                new Expressions(v.intIn("expressions.stickers_per_guild", 0, 100_000),
                        v.intIn("expressions.sticker_bytes", 1024, 64 * 1024 * 1024),
                        v.intIn("expressions.webhooks_per_channel", 0, 100_000), v.rate("expressions.webhook_execute")));
    }

    private static Map<String, String> systemOverrides() {
        Map<String, String> overrides = new java.util.HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("parley."))
                .forEach(name -> overrides.put(name.substring("parley.".length()), System.getProperty(name)));
        return overrides;
    }
}
