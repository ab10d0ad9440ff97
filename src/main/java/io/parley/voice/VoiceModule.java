package io.parley.voice;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import io.parley.platform.config.ParleyConfig;
import org.axonframework.config.Configurer;

import java.util.List;

/** Voice in Axon: one voice-state aggregate per guild member, and the room clean-up on channel deletes. */
public final class VoiceModule implements DomainModule {
    private final ParleyConfig.Voice config;

    public VoiceModule(ParleyConfig.Voice config) {
        this.config = config;
    }

    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, VoiceStateAggregate.class);
        LiveKitRooms rooms = new LiveKitRooms(config);
        wiring.liveProcessor(configurer, VoiceRoomCleaner.GROUP, List.of(c -> new VoiceRoomCleaner(rooms)));
    }
}
