package io.parley.audit;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** The audit log: a projection only; it decides nothing. */
public final class AuditModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.projection(configurer, AuditLogProjection.GROUP, c -> new AuditLogProjection(wiring.jdbc()));
    }
}
