package io.parley.guild;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import io.parley.platform.config.ParleyConfig;
import org.axonframework.config.Configurer;

/** Guild structure in Axon: the aggregate, the limits it enforces, and the guilds/roles/channels projection. */
public final class GuildModule implements DomainModule {
    private final ParleyConfig.Limits limits;

    public GuildModule(ParleyConfig.Limits limits) {
        this.limits = limits;
    }

    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        configurer.registerComponent(ParleyConfig.Limits.class, c -> limits);
        wiring.aggregate(configurer, GuildAggregate.class);
        wiring.projection(configurer, GuildProjection.GROUP, c -> new GuildProjection(wiring.jdbc()));
    }
}
