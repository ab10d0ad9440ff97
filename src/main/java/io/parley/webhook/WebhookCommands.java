package io.parley.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of a guild's webhooks; the identity is {@link GuildWebhooks#aggregateId(long)}. */
public final class WebhookCommands {
    private WebhookCommands() {
    }

    /** Only the token's hash travels: the token itself is shown once, in the reply to the creation. */
    public record CreateWebhook(@TargetAggregateIdentifier String webhookSetId, long guildId, long webhookId,
                                long channelId, String name, long creatorId, String tokenHash, int maxPerChannel,
                                Instant at) {
    }

    /** Null fields stay as they are; {@code actorId} is the webhook's own id when its token was used. */
    public record UpdateWebhook(@TargetAggregateIdentifier String webhookSetId, long webhookId, String name,
                                Long channelId, long actorId, int maxPerChannel, Instant at) {
    }

    public record DeleteWebhook(@TargetAggregateIdentifier String webhookSetId, long webhookId, long actorId,
                                Instant at) {
    }
}
