package io.parley.settings;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** User and per-guild notification settings in Axon: their aggregates and projections. */
public final class SettingsModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, UserSettingsAggregate.class);
        wiring.aggregate(configurer, GuildSettingsAggregate.class);
        wiring.projection(configurer, UserSettingsProjection.GROUP, c -> new UserSettingsProjection(wiring.jdbc()));
        wiring.projection(configurer, GuildSettingsProjection.GROUP, c -> new GuildSettingsProjection(wiring.jdbc()));
    }
}
