package io.parley.invite;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** Invites in Axon: one aggregate per code and the invites projection. */
public final class InviteModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, InviteAggregate.class);
        wiring.projection(configurer, InviteProjection.GROUP, c -> new InviteProjection(wiring.jdbc()));
    }
}
