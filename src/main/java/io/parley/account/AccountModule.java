package io.parley.account;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** Accounts in Axon: the aggregate, its uniqueness claims, and the users/sessions projection. */
public final class AccountModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        configurer.registerComponent(AccountClaims.class, c -> new PostgresAccountClaims(wiring.transactions()));
        wiring.aggregate(configurer, AccountAggregate.class);
        wiring.projection(configurer, AccountProjection.GROUP, c -> new AccountProjection(wiring.jdbc()));
    }
}
