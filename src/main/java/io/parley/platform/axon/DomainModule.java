package io.parley.platform.axon;

import org.axonframework.config.Configurer;

/**
 * One feature's part of the Axon configuration: its aggregates, the components their
 * handlers take as parameters, and its projections with their processors.
 */
public interface DomainModule {
    void configure(Configurer configurer, AxonWiring wiring);
}
