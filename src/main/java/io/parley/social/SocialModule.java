package io.parley.social;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** Relationships, private channels and read states in Axon: their aggregates and projections. */
public final class SocialModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, RelationshipAggregate.class);
        wiring.aggregate(configurer, PrivateChannelAggregate.class);
        wiring.aggregate(configurer, ReadStateAggregate.class);
        wiring.projection(configurer, RelationshipProjection.GROUP, c -> new RelationshipProjection(wiring.jdbc()));
        wiring.projection(configurer, PrivateChannelProjection.GROUP, c -> new PrivateChannelProjection(wiring.jdbc()));
        wiring.projection(configurer, ReadStateProjection.GROUP, c -> new ReadStateProjection(wiring.jdbc()));
    }
}
