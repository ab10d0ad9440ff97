package io.parley.gateway;

import io.parley.account.AccountQueries;
import io.parley.cluster.Valkey;
import io.parley.guild.GuildQueries;
import io.parley.http.ratelimit.RateLimiter;
import io.parley.member.MemberQueries;
import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.platform.axon.WakeableEventStore;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.Configurer;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The gateway of this node: its sessions, and the live processor that dispatches events to them. */
public final class GatewayModule implements DomainModule {
    private final Vertx vertx;
    private final ParleyConfig.Gateway config;
    private final ReadYourWrites readYourWrites;
    private final GuildQueries guilds;
    private final Sessions sessions = new Sessions();
    private final LivePosition position = new LivePosition();
    private final Presences presences;
    private final ReadyBuilder readyBuilder;
    private final Gateway gateway;
    private volatile UserDirectory users;
    private volatile PrivateChannelDirectory privateChannels;
    private ClusterLink clusterLink;
    private RemoteResume remoteResume;
    private ResumeRecords records;

    public GatewayModule(Vertx vertx, ParleyConfig.Gateway config, ReadYourWrites readYourWrites,
                         AccountQueries accounts, GuildQueries guilds, MemberQueries members, RateLimiter rateLimiter) {
        this.vertx = vertx;
        this.config = config;
        this.readYourWrites = readYourWrites;
        this.guilds = guilds;
        this.presences = new Presences(sessions, vertx, config.presenceGraceMs());
        this.readyBuilder = new ReadyBuilder(accounts, guilds, members, sessions, presences);
        this.gateway = new Gateway(vertx, config, accounts, members, sessions, readyBuilder, rateLimiter, presences);
    }

    /** Cluster mode: call before Axon starts. */
    public void joinCluster(Valkey valkey, String nodeId) {
        clusterLink = new ClusterLink(valkey, nodeId, vertx, sessions, presences, readYourWrites);
        records = new ResumeRecords(valkey, position, nodeId, config.resumeWindowSeconds() * 1000L,
                config.replayEvents() + 256);
        remoteResume = new RemoteResume(vertx, valkey, config, sessions, position, records, readyBuilder, guilds,
                readYourWrites);
        clusterLink.onTaken(records::untrack);
        presences.storeIn(new ValkeyPresenceStore(vertx, valkey, nodeId));
        gateway.cluster(records, remoteResume, clusterLink, new ValkeySessionCap(config.sessionsPerUser(), valkey, nodeId, vertx));
    }

    /** After Axon started: the event store to wake and to replay from. */
    public void started(WakeableEventStore eventStore) {
        if (clusterLink != null) {
            clusterLink.attach(eventStore);
            remoteResume.attach(eventStore, users, privateChannels);
        }
    }

    public void stop() {
        if (records != null) {
            records.close();
        }
    }

    /** Gateway op 4 answers with LiveKit join tokens for this server. */
    public void enableVoice(ParleyConfig.Voice voice, io.parley.voice.VoiceStateQueries states,
                            io.parley.platform.axon.Commands commands) {
        gateway.voice(new VoiceRequests(sessions, new io.parley.voice.VoiceTokens(voice), voice.livekitUrl(), states,
                new io.parley.voice.LiveKitHealth(vertx, voice), commands));
        readyBuilder.voiceStates(guildId -> states.inGuild(guildId).map(list -> {
            io.vertx.core.json.JsonArray json = new io.vertx.core.json.JsonArray();
            list.forEach(state -> json.add(state.toJson()));
            return json;
        }));
    }

    public Gateway gateway() {
        return gateway;
    }

    /** Lets the emoji and sticker features fill GUILD_CREATE's {@code emojis} and {@code stickers}. */
    public void guildExpressions(BiFunction<Long, JsonObject, Future<JsonObject>> expressions) {
        readyBuilder.expressions(expressions);
    }

    /** Lets other features add top-level READY fields (computed per user when a session identifies). */
    public void readyExtras(Function<Long, Future<JsonObject>> extras) {
        readyBuilder.extras(extras);
    }

    /** Reads a user's stored status (settings), for sessions a remote RESUME rebuilds. */
    public void storedStatus(Function<Long, Future<String>> storedStatus) {
        presences.storedStatusFrom(storedStatus);
    }

    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        users = new UserDirectory(wiring.transactions());
        privateChannels = new PrivateChannelDirectory(wiring.transactions());
        wiring.liveProcessor(configurer, GatewayDispatcher.GROUP, List.of(
                c -> new GatewayDispatcher(sessions, users, readyBuilder, readYourWrites),
                c -> new MessageDispatcher(sessions, users, privateChannels, vertx),
                c -> new SocialDispatcher(sessions, users, privateChannels, vertx),
                c -> new VoiceDispatcher(sessions, users, gateway::voice),
                c -> new ExpressionDispatcher(sessions),
                c -> new SettingsDispatcher(sessions, presences),
                c -> new RevocationDispatcher(sessions, gateway),
                c -> new EveryEvent()), List.of(position.interceptor()));
    }

    /** Makes the live processor pass every event through {@link LivePosition}, so its position is exact. */
    @org.axonframework.config.ProcessingGroup(GatewayDispatcher.GROUP)
    static final class EveryEvent {
        @org.axonframework.eventhandling.EventHandler
        void on(Object event) {
        }
    }
}
