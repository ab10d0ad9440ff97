package io.parley.voice;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.guild.GuildAccess;
import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.platform.config.ParleyConfig;
import io.vertx.sqlclient.Pool;
import org.axonframework.config.Configurer;

import java.util.List;

/**
 * Voice in Axon: one voice-state aggregate per guild member, the voice_states projection, the
 * room clean-up on channel deletes and the enforcer that pushes moderation to LiveKit.
 */
public final class VoiceModule implements DomainModule {
    private final ParleyConfig.Voice config;
    private final Pool pool;
    private final ReadYourWrites readYourWrites;
    private final MeterRegistry meters;

    public VoiceModule(ParleyConfig.Voice config, Pool pool, ReadYourWrites readYourWrites, MeterRegistry meters) {
        this.config = config;
        this.pool = pool;
        this.readYourWrites = readYourWrites;
        this.meters = meters;
    }

    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, VoiceStateAggregate.class);
        wiring.projection(configurer, VoiceStateProjection.GROUP, c -> new VoiceStateProjection(wiring.jdbc()));
        LiveKitRooms rooms = new LiveKitRooms(config);
        wiring.liveProcessor(configurer, VoiceRoomCleaner.GROUP, List.of(c -> new VoiceRoomCleaner(rooms)));
        EnforcementRetries retries = new EnforcementRetries(config.enforceRetryMs(), meters);
        configurer.onShutdown(retries::close);
        wiring.sideEffectProcessor(configurer, VoiceEnforcer.GROUP, c -> new VoiceEnforcer(rooms,
                new VoiceStateQueries(pool), new GuildAccess(pool), readYourWrites, retries, config.requestTimeoutMs()));
    }
}
