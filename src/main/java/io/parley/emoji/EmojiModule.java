package io.parley.emoji;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** Custom emojis in Axon: one emoji-set aggregate per guild and the emojis projection. */
public final class EmojiModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, GuildEmojis.class);
        wiring.projection(configurer, EmojiProjection.GROUP, c -> new EmojiProjection(wiring.jdbc()));
    }
}
