package io.parley.voice;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** Voice in Axon: one voice-state aggregate per guild member. */
public final class VoiceModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, VoiceStateAggregate.class);
    }
}
