package io.parley.message;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import io.parley.platform.config.ParleyConfig;
import org.axonframework.config.Configurer;

import java.time.Duration;

/** Messages in Axon: one aggregate per message, nonce claims, the messages projection, ban clean-up. */
public final class MessageModule implements DomainModule {
    private final ParleyConfig.Limits limits;

    public MessageModule(ParleyConfig.Limits limits) {
        this.limits = limits;
    }

    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        configurer.registerComponent(MessageNonces.class, c -> new PostgresMessageNonces(wiring.transactions(),
                Duration.ofSeconds(limits.nonceWindowSeconds())));
        wiring.aggregate(configurer, MessageAggregate.class);
        wiring.projection(configurer, MessageProjection.GROUP, c -> new MessageProjection(wiring.jdbc()));
        wiring.projection(configurer, BanMessageCleaner.GROUP,
                c -> new BanMessageCleaner(wiring.transactions(), c.commandGateway()));
    }
}
