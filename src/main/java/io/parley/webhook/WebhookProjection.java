package io.parley.webhook;

import io.parley.guild.GuildEvents.ChannelDeleted;
import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.platform.storage.Jdbc;
import io.parley.webhook.WebhookEvents.WebhookCreated;
import io.parley.webhook.WebhookEvents.WebhookDeleted;
import io.parley.webhook.WebhookEvents.WebhookUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps the webhooks table; a webhook goes with its channel or guild, as in Discord. */
@ProcessingGroup(WebhookProjection.GROUP)
public final class WebhookProjection {
    public static final String GROUP = "webhooks";

    private final Jdbc jdbc;

    public WebhookProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WebhookCreated e) {
        jdbc.update("""
                INSERT INTO webhooks (id, guild_id, channel_id, name, user_id, token_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                e.webhookId(), e.guildId(), e.channelId(), e.name(), e.creatorId(), e.tokenHash(), e.at());
    }

    @EventHandler
    void on(WebhookUpdated e) {
        jdbc.update("UPDATE webhooks SET name = ?, channel_id = ? WHERE id = ?",
                e.after().name(), e.after().channelId(), e.webhookId());
    }

    @EventHandler
    void on(WebhookDeleted e) {
        jdbc.update("DELETE FROM webhooks WHERE id = ?", e.webhookId());
    }

    @EventHandler
    void on(ChannelDeleted e) {
        jdbc.update("DELETE FROM webhooks WHERE channel_id = ?", e.channelId());
    }

    @EventHandler
    void on(GuildDeleted e) {
        jdbc.update("DELETE FROM webhooks WHERE guild_id = ?", e.guildId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE webhooks");
    }
}
