package io.parley.member;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** Memberships and bans in Axon: one aggregate per (guild, user) and the members/bans projection. */
public final class MemberModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, MemberAggregate.class);
        wiring.projection(configurer, MemberProjection.GROUP, c -> new MemberProjection(wiring.jdbc()));
    }
}
