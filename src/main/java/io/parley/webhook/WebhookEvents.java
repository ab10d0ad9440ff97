package io.parley.webhook;

import java.time.Instant;

/** What happened to a guild's incoming webhooks. */
public final class WebhookEvents {
    private WebhookEvents() {
    }

    public record WebhookCreated(long guildId, long webhookId, long channelId, String name, long creatorId,
                                 String tokenHash, Instant at) {
    }

    /** {@code before} and {@code after} differ in the name, the channel or both. */
    public record WebhookUpdated(long guildId, long webhookId, Settings before, Settings after, long actorId,
                                 Instant at) {
    }

    public record WebhookDeleted(long guildId, long webhookId, long channelId, String name, long actorId, Instant at) {
    }

    public record Settings(String name, long channelId) {
    }
}
