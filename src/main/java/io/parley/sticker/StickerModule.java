package io.parley.sticker;

import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import org.axonframework.config.Configurer;

/** Guild stickers in Axon: one sticker-set aggregate per guild and the stickers projection. */
public final class StickerModule implements DomainModule {
    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        wiring.aggregate(configurer, GuildStickers.class);
        wiring.projection(configurer, StickerProjection.GROUP, c -> new StickerProjection(wiring.jdbc()));
    }
}
