package io.parley;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parley.account.AccountModule;
import io.parley.admin.Operations;
import io.parley.account.AccountQueries;
import io.parley.account.AuthRoutes;
import io.parley.account.PasswordHasher;
import io.parley.account.UserRoutes;
import io.parley.audit.AuditLogRoutes;
import io.parley.audit.AuditModule;
import io.parley.emoji.GuildExpressions;
import io.parley.gateway.Gateway;
import io.parley.gateway.GatewayModule;
import io.parley.social.PrivateChannelRoutes;
import io.parley.social.ReadStateRoutes;
import io.parley.social.RelationshipRoutes;
import io.parley.social.SocialModule;
import io.parley.settings.SettingsModule;
import io.parley.settings.SettingsQueries;
import io.parley.settings.SettingsRoutes;
import io.parley.social.SocialQueries;
import io.parley.gateway.GatewayRoutes;
import io.parley.gateway.InstanceRoutes;
import io.parley.http.Cors;
import io.parley.guild.ChannelRoutes;
import io.parley.guild.GuildAccess;
import io.parley.guild.GuildContext;
import io.parley.guild.GuildModule;
import io.parley.guild.GuildQueries;
import io.parley.guild.GuildRoutes;
import io.parley.guild.RoleRoutes;
import io.parley.invite.InviteModule;
import io.parley.emoji.EmojiImageRoutes;
import io.parley.emoji.EmojiModule;
import io.parley.emoji.EmojiQueries;
import io.parley.emoji.EmojiRoutes;
import io.parley.sticker.StickerImageRoutes;
import io.parley.sticker.StickerModule;
import io.parley.sticker.StickerQueries;
import io.parley.sticker.StickerRoutes;
import io.parley.message.WebhookMessages;
import io.parley.webhook.WebhookModule;
import io.parley.webhook.WebhookQueries;
import io.parley.webhook.WebhookRoutes;
import io.parley.webhook.WebhookTokenRoutes;
import io.parley.voice.LiveKitWebhookRoutes;
import io.parley.voice.VoiceModule;
import io.parley.voice.VoiceRegionRoutes;
import io.parley.voice.VoiceStateQueries;
import io.parley.invite.InviteQueries;
import io.parley.invite.InviteRoutes;
import io.parley.member.BanRoutes;
import io.parley.media.FileMediaStore;
import io.parley.message.AttachmentRoutes;
import io.parley.message.MessageModule;
import io.parley.message.MessageQueries;
import io.parley.message.MessageRoutes;
import io.parley.message.PinRoutes;
import io.parley.message.ReactionRoutes;
import io.parley.member.MemberModule;
import io.parley.member.MemberLookupRoutes;
import io.parley.member.MemberQueries;
import io.parley.member.MemberRoutes;
import io.parley.http.ApiServices;
import io.parley.http.Authenticator;
import io.parley.http.HealthRoute;
import io.parley.http.HttpVerticle;
import io.parley.http.ParleyRouter;
import io.parley.web.WebClientRoutes;
import io.parley.http.RouteModule;
import io.parley.http.ratelimit.InMemoryRateLimiter;
import io.parley.http.ratelimit.RateLimiter;
import io.parley.http.ratelimit.RouteBuckets;
import io.parley.http.ratelimit.RouteRateLimits;
import io.parley.http.ratelimit.ValkeyRateLimiter;
import io.parley.http.DrainRoute;
import io.parley.cluster.Valkey;
import java.lang.management.ManagementFactory;
import io.parley.platform.axon.AxonRuntime;
import io.parley.platform.axon.Commands;
import io.parley.platform.axon.DomainModule;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.vertx.ParleyVertx;
import io.parley.platform.id.Snowflakes;
import io.parley.platform.storage.DatabaseSupervisor;
import io.parley.platform.storage.Storage;
import io.parley.search.IndexerStatus;
import io.parley.search.Search;
import io.parley.search.SearchIndex;
import io.parley.search.SearchIndexer;
import io.parley.search.SearchModule;
import io.parley.search.SearchRoutes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.vertx.sqlclient.Pool;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One running Parley: storage, Axon, Vert.x and the HTTP verticles, started and stopped in order. */
public final class ParleyNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ParleyNode.class);

    private final ParleyConfig config;
    private final Storage storage;
    private final Vertx vertx;
    private final AxonRuntime axon;
    private final Pool pool;
    private final ApiServices services;
    private final PrometheusMeterRegistry meters;
    private final Gateway gateway;
    private final GatewayModule gatewayModule;
    private final Valkey valkey;
    private final Search search;
    /** How long a stopping node lets requests in flight finish before it cuts their connections. */
    private static final long HTTP_SHUTDOWN_GRACE_MS = 10_000;

    private final List<HttpVerticle> httpVerticles = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int httpPort = -1;
    private volatile Operations operations;

    private ParleyNode(ParleyConfig config, Storage storage, Vertx vertx, AxonRuntime axon, Pool pool,
                       ApiServices services, PrometheusMeterRegistry meters, GatewayModule gatewayModule,
                       Valkey valkey, Search search) {
        this.gatewayModule = gatewayModule;
        this.valkey = valkey;
        this.search = search;
        Gateway gateway = gatewayModule.gateway();
        this.meters = meters;
        this.gateway = gateway;
        this.config = config;
        this.storage = storage;
        this.vertx = vertx;
        this.axon = axon;
        this.pool = pool;
        this.services = services;
    }

    /** Blocking start (storage and Axon); call from main or a test thread, never an event loop. */
    public static ParleyNode start(ParleyConfig config) throws Exception {
        return start(config, List.of());
    }

    /**
     * Like {@link #start(ParleyConfig)}; {@code onDatabaseLost} runs once PostgreSQL has been
     * unreachable for {@code db.unavailable_exit_after_ms} (the server exits there).
     */
    public static ParleyNode start(ParleyConfig config, Runnable onDatabaseLost) throws Exception {
        return start(config, onDatabaseLost, List.of());
    }

    /** With {@code extraModules} beside the features' own (tests add handlers of their own). */
    public static ParleyNode start(ParleyConfig config, List<DomainModule> extraModules) throws Exception {
        return start(config, () -> log.error("the database stayed unreachable; this node keeps waiting for it"),
                extraModules);
    }

    private static ParleyNode start(ParleyConfig config, Runnable onDatabaseLost, List<DomainModule> extraModules)
            throws Exception {
        ParleyNode node = boot(config, false, onDatabaseLost, extraModules);
        try {
            node.serveHttp();
        } catch (Exception e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** Storage and Axon without HTTP, for CLI commands; attaches to a running node's embedded database. */
    public static ParleyNode startHeadless(ParleyConfig config) throws Exception {
        return startHeadless(config, List.of());
    }

    /** Headless, with {@code extraModules} beside the features' own. */
    public static ParleyNode startHeadless(ParleyConfig config, List<DomainModule> extraModules) throws Exception {
        return boot(config, true, null, extraModules);
    }

    private static ParleyNode boot(ParleyConfig config, boolean attachToRunning, Runnable onDatabaseLost,
                                   List<DomainModule> extraModules)
            throws Exception {
        long started = System.nanoTime();
        Storage storage = Storage.open(config, attachToRunning);
        // CLI commands may be attached to another node's embedded server: only that node supervises it
        DatabaseSupervisor database = onDatabaseLost == null ? null : storage.supervise(onDatabaseLost);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = ParleyVertx.create(config.vertx(), meters);
        AxonRuntime axon;
        Valkey valkey = null;
        try {
            ReadYourWrites readYourWrites = new ReadYourWrites(vertx, config.axon().readYourWritesTimeoutMs());
            Pool pool = storage.reactivePool(vertx);
            AccountQueries accounts = new AccountQueries(pool);
            RateLimiter rateLimiter = new InMemoryRateLimiter();
            ParleyConfig.Cluster cluster = config.cluster();
            AxonRuntime.LogSharing sharing = AxonRuntime.LogSharing.singleNode();
            if (cluster.enabled() && !attachToRunning) {
                valkey = new Valkey(vertx, cluster.valkeyUrl().orElseThrow());
                rateLimiter = new ValkeyRateLimiter(valkey, rateLimiter);
                sharing = new AxonRuntime.LogSharing(cluster.nodeId().orElseGet(ParleyNode::defaultNodeId),
                        cluster.pollIntervalMs(), cluster.claimTimeoutMs(), cluster.claimIntervalMs());
                log.info("cluster mode: node {} on Valkey", sharing.nodeId());
            }
            GatewayModule gateway = new GatewayModule(vertx, config.gateway(), readYourWrites, accounts,
                    new GuildQueries(pool), new MemberQueries(pool), rateLimiter);
            if (valkey != null) {
                gateway.joinCluster(valkey, sharing.nodeId());
            }
            gateway.gateway().trustProxies(config.http().trustedProxies());
            SocialQueries social = new SocialQueries(pool);
            SettingsQueries settings = new SettingsQueries(pool);
            gateway.readyExtras(userId -> social.readyParts(userId)
                    .compose(parts -> settings.readyParts(userId).map(parts::mergeIn)));
            gateway.storedStatus(userId -> settings.userSettings(userId).map(s -> s.getString("status")));
            gateway.guildExpressions(expressions(pool)::addTo);
            SearchIndex searchIndex = SearchModule.createIndex(config.search(), vertx, storage.transactions(), pool);
            axon = AxonRuntime.start(config.axon(), sharing, storage.transactions(), meters, readYourWrites,
                    Stream.concat(domainModules(config, gateway, new SearchModule(searchIndex, config.search().batchSize()),
                            new VoiceModule(config.voice(), pool, readYourWrites, meters)).stream(),
                            extraModules.stream()).toList());
            gateway.started(axon.eventStore());
            ApiServices services = new ApiServices(config, vertx, pool, new Commands(vertx, axon.commandGateway(),
                    database == null ? () -> true : database::up),
                    new Snowflakes(config.snowflake().workerId(), config.snowflake().processId()), readYourWrites,
                    new PasswordHasher(config.auth().argon2()), rateLimiter, accounts,
                    new Authenticator(accounts, readYourWrites, new RouteRateLimits(rateLimiter,
                            new RouteBuckets(config.http().rateLimits()))), new FileMediaStore(vertx, config.attachmentsDir()));
            gateway.enableVoice(config.voice(), new VoiceStateQueries(pool), services.commands());
            log.info("storage and Axon ready in {} ms", (System.nanoTime() - started) / 1_000_000);
            Gateway live = gateway.gateway();
            Gauge.builder("parley_gateway_sessions", live, Gateway::sessionCount)
                    .description("Gateway sessions on this node, connected or waiting to be resumed").register(meters);
            FunctionCounter.builder("parley_gateway_dispatches", live, g -> Gateway.dispatchesSent())
                    .description("Gateway dispatches sent to sessions by this process").register(meters);
            IndexerStatus indexer = IndexerStatus.of(axon.configuration().eventProcessingConfiguration()
                    .eventProcessor(SearchIndexer.GROUP, TrackingEventProcessor.class).orElseThrow(),
                    axon.storageEngine());
            indexer.publish(meters);
            if (database != null) {
                Gauge.builder("parley_database_up", database, d -> d.up() ? 1 : 0)
                        .description("1 while this node reaches PostgreSQL, 0 while it does not").register(meters);
            }
            if (valkey != null) {
                Gauge.builder("parley_valkey_up", valkey, v -> "up".equals(v.state()) ? 1 : 0)
                        .description("1 while this node reaches Valkey, 0 while it does not (cluster mode only)")
                        .register(meters);
            }
            return new ParleyNode(config, storage, vertx, axon, pool, services, meters, gateway, valkey,
                    new Search(searchIndex, indexer));
        } catch (Exception e) {
            if (valkey != null) {
                valkey.close();
            }
            vertx.close().await(10, TimeUnit.SECONDS);
            storage.close();
            throw e;
        }
    }

    private static String defaultNodeId() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    private static List<DomainModule> domainModules(ParleyConfig config, GatewayModule gateway, SearchModule search,
                                                    VoiceModule voice) {
        return List.of(new AccountModule(), new GuildModule(config.limits()), new MemberModule(), new InviteModule(),
                new AuditModule(), new MessageModule(config.limits()), new SocialModule(), new SettingsModule(),
                new EmojiModule(),
                voice, new StickerModule(), new WebhookModule(), gateway, search);
    }

    private static GuildExpressions expressions(Pool pool) {
        return new GuildExpressions(new EmojiQueries(pool), new StickerQueries(pool));
    }

    private List<RouteModule> routeModules() {
        GuildQueries guilds = new GuildQueries(pool);
        MessageQueries messages = new MessageQueries(pool);
        GuildContext guildContext = new GuildContext(services, guilds, new GuildAccess(pool, services.readYourWrites()),
                new MemberQueries(pool));
        SocialQueries social = new SocialQueries(pool);
        return List.of(new AuthRoutes(services), new UserRoutes(services), new GuildRoutes(guildContext, expressions(pool)::addTo),
                new PrivateChannelRoutes(services, social), new RelationshipRoutes(services, social),
                new ReadStateRoutes(guildContext, messages),
                new SettingsRoutes(guildContext, new SettingsQueries(pool)),
                new ChannelRoutes(guildContext), new RoleRoutes(guildContext),
                new MemberLookupRoutes(guildContext), new MemberRoutes(guildContext),
                new BanRoutes(guildContext), new InviteRoutes(guildContext, new InviteQueries(pool)),
                new AuditLogRoutes(guildContext, pool),
                // before the message routes: /channels/{id}/messages/search and …/messages/pins are not message ids
                new SearchRoutes(guildContext, messages, search.index(), search.status()), new PinRoutes(guildContext, messages),
                new MessageRoutes(guildContext, messages),
                new ReactionRoutes(guildContext, messages, new EmojiQueries(pool)),
                new GatewayRoutes(services), new InstanceRoutes(services, InstanceRoutes.INSTANCE),
                new VoiceRegionRoutes(config.voice().regions()),
                new EmojiRoutes(guildContext, new EmojiQueries(pool)),
                new StickerRoutes(guildContext, new StickerQueries(pool)),
                // under the API bases only: POST /webhooks/livekit (LiveKit's own) stays at the root
                new WebhookRoutes(guildContext, new WebhookQueries(pool)),
                new WebhookTokenRoutes(guildContext, new WebhookQueries(pool), new WebhookMessages(guildContext, messages)));
    }

    private List<RouteModule> rootRouteModules() {
        return List.of(new AttachmentRoutes(new MessageQueries(pool), services.media()),
                new DrainRoute(gateway, config.cluster().drainToken()),
                new InstanceRoutes(services, InstanceRoutes.WELL_KNOWN),
                new LiveKitWebhookRoutes(config.voice().apiKey(), config.voice().apiSecret(), services.commands(),
                        new VoiceStateQueries(pool)),
                new EmojiImageRoutes(new EmojiQueries(pool), services.media()),
                new StickerImageRoutes(new StickerQueries(pool), services.media()),
                operations.routes(), new WebClientRoutes());
    }

    private void serveHttp() throws Exception {
        ParleyConfig.Http http = config.http();
        operations = new Operations(vertx, pool, axon, services.accounts(), meters, storage.dataSource(),
                storage.transactions());
        List<RouteModule> routes = routeModules();
        DatabaseSupervisor database = storage.supervisor().orElse(null);
        Operations ops = operations;
        HealthRoute health = new HealthRoute(pool, () -> valkey == null ? "disabled" : valkey.state(),
                database == null ? null : database::state, ops::deadLetters);
        int eventLoops = config.vertx().eventLoops() > 0 ? config.vertx().eventLoops()
                : VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        int instances = http.instances() > 0 ? http.instances() : eventLoops;
        List<RouteModule> rootRoutes = rootRouteModules();
        clearStaleUploads(config.uploadsDir());
        HttpServerOptions options = new HttpServerOptions().setHost(http.host()).setPort(http.port())
                .setCompressionSupported(true)
                // Cleartext is HTTP/1.1 only: an h2c upgrade (Java's HttpClient asks for one by
                // default) would bypass the HTTP/1 codec limits' JSON answers and the framing check.
                .setHttp2ClearTextEnabled(false)
                .setMaxInitialLineLength(http.maxInitialLineBytes())
                .setMaxHeaderSize(http.maxHeaderBytes())
                .setIdleTimeout(http.idleTimeoutSeconds())
                // payload_json of a multipart send may be as large as a JSON body.
                .setMaxFormAttributeSize(http.bodyLimitBytes())
                // WebSocket deflate stays off: a compressed client frame could inflate past the
                // gateway's payload limit before it is checked.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                // Frames up to this size are read whole and refused by the gateway with 4002; past
                // it Netty stops reading and the close frame may be lost to a TCP reset.
                .setMaxWebSocketFrameSize(256 * 1024)
                .setMaxWebSocketMessageSize(256 * 1024);
        vertx.deployVerticle(() -> {
            HttpVerticle verticle = new HttpVerticle(options,
                    v -> ParleyRouter.create(v, http.bodyLimitBytes(), config.uploadBodyLimitBytes(),
                            http.requestBodyTimeoutMs(), health, meters, routes, rootRoutes,
                            Cors.of(http.corsOrigins(), http.corsMaxAgeSeconds())), gateway);
            httpVerticles.add(verticle);
            return verticle;
        }, new DeploymentOptions().setInstances(instances)).await(30, TimeUnit.SECONDS);
        httpPort = httpVerticles.get(0).actualPort();
        String localHost = http.host().equals("0.0.0.0") || http.host().equals("::") ? "127.0.0.1" : http.host();
        operations.publish(config.dataDir(), "http://" + localHost + ":" + httpPort);
        log.info("Parley serving HTTP on {}:{} ({} event-loop instances)", http.host(), httpPort, instances);
    }

    /** Uploads a crash left behind; ones touched within the hour may belong to another node sharing the directory. */
    private static void clearStaleUploads(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Instant cutoff = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public ApiServices services() {
        return services;
    }

    public Storage storage() {
        return storage;
    }

    public AxonRuntime axon() {
        return axon;
    }

    /**
     * Graceful stop (also the SIGTERM path): op 7 and a resumable close to every gateway
     * connection; stop accepting HTTP while requests in flight are answered; let the commands
     * they sent commit and stop the processors; then Valkey, Vert.x and PostgreSQL (the
     * embedded server last). Each step runs even when an earlier one failed.
     */
    @Override
    public void close() throws Exception {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        step("gateway", () -> log.info("stopping: op 7 sent to {} gateway connections", gateway.shutdown()));
        step("http", () -> {
            List<io.vertx.core.Future<Void>> servers = httpVerticles.stream()
                    .map(verticle -> verticle.shutdown(HTTP_SHUTDOWN_GRACE_MS)).toList();
            io.vertx.core.Future.join(servers).await(HTTP_SHUTDOWN_GRACE_MS + 5000, TimeUnit.MILLISECONDS);
        });
        step("operations", () -> {
            if (operations != null) {
                operations.close();
            }
        });
        step("axon", axon::close);
        step("search status", () -> search.status().close());
        step("gateway cluster state", gatewayModule::stop);
        step("valkey", () -> {
            if (valkey != null) {
                valkey.close();
            }
        });
        step("vert.x", () -> vertx.close().await(30, TimeUnit.SECONDS));
        storage.close();
        log.info("Parley stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("stopping {} failed; going on with the rest of the shutdown", name, e);
        }
    }
}
