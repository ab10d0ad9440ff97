package io.parley.webhook;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** Incoming webhooks in Axon: one webhook-set aggregate per guild and the webhooks projection. */
public final class WebhookModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, GuildWebhooks.class);
        wiring.projection(configurer, WebhookProjection.GROUP, c -> new WebhookProjection(wiring.jdbc()));
    }
}
