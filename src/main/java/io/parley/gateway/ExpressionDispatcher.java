package io.parley.gateway;

import io.parley.sticker.StickerEvents.Sticker;
import io.parley.sticker.StickerEvents.StickerCreated;
import io.parley.sticker.StickerEvents.StickerDeleted;
import io.parley.sticker.StickerEvents.StickerUpdated;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.List;

import static io.parley.gateway.GatewayDispatcher.id;

/** GUILD_STICKERS_UPDATE for sessions with GUILD_EXPRESSIONS. */
@ProcessingGroup(GatewayDispatcher.GROUP)
final class ExpressionDispatcher {
    private final Audience audience;

    ExpressionDispatcher(Sessions sessions) {
        this.audience = new Audience(sessions);
    }

    @EventHandler
    void on(StickerCreated e) {
        stickersUpdate(e.guildId(), e.stickers());
    }

    @EventHandler
    void on(StickerUpdated e) {
        stickersUpdate(e.guildId(), e.stickers());
    }

    @EventHandler
    void on(StickerDeleted e) {
        stickersUpdate(e.guildId(), e.stickers());
    }

    /** The guild's whole sticker set, without creators (as GUILD_EMOJIS_UPDATE). */
    private void stickersUpdate(long guildId, List<Sticker> stickers) {
        JsonArray array = new JsonArray();
        for (Sticker s : stickers) {
            array.add(new JsonObject().put("id", id(s.id())).put("name", s.name()).put("description", s.description())
                    .put("tags", s.tags()).put("type", 2).put("format_type", s.formatType()).put("available", true)
                    .put("guild_id", id(guildId)));
        }
        audience.guild(guildId, null, null, Intents.GUILD_EXPRESSIONS, "GUILD_STICKERS_UPDATE",
                new JsonObject().put("guild_id", id(guildId)).put("stickers", array).encode());
    }
}
