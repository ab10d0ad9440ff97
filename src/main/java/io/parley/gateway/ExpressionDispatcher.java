package io.parley.gateway;

import io.parley.sticker.StickerEvents.Sticker;
import io.parley.sticker.StickerEvents.StickerCreated;
import io.parley.sticker.StickerEvents.StickerDeleted;
import io.parley.sticker.StickerEvents.StickerUpdated;
import io.parley.webhook.WebhookEvents.WebhookCreated;
import io.parley.webhook.WebhookEvents.WebhookDeleted;
import io.parley.webhook.WebhookEvents.WebhookUpdated;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.List;

import static io.parley.gateway.GatewayDispatcher.id;

/** GUILD_STICKERS_UPDATE for sessions with GUILD_EXPRESSIONS; WEBHOOKS_UPDATE for those with GUILD_WEBHOOKS. */
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

    @EventHandler
    void on(WebhookCreated e) {
        webhooksUpdate(e.guildId(), e.channelId());
    }

    @EventHandler
    void on(WebhookUpdated e) {
        webhooksUpdate(e.guildId(), e.after().channelId());
        if (e.before().channelId() != e.after().channelId()) {
            webhooksUpdate(e.guildId(), e.before().channelId());
        }
    }

    @EventHandler
    void on(WebhookDeleted e) {
        webhooksUpdate(e.guildId(), e.channelId());
    }

    /** Only says which channel's webhooks changed, to sessions that can see the channel (Discord's shape). */
    private void webhooksUpdate(long guildId, long channelId) {
        audience.guild(guildId, channelId, null, Intents.GUILD_WEBHOOKS, "WEBHOOKS_UPDATE",
                new JsonObject().put("guild_id", id(guildId)).put("channel_id", id(channelId)).encode());
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
