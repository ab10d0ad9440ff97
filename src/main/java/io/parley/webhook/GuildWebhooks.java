package io.parley.webhook;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.webhook.WebhookCommands.CreateWebhook;
import io.parley.webhook.WebhookCommands.DeleteWebhook;
import io.parley.webhook.WebhookCommands.UpdateWebhook;
import io.parley.webhook.WebhookEvents.Settings;
import io.parley.webhook.WebhookEvents.WebhookCreated;
import io.parley.webhook.WebhookEvents.WebhookDeleted;
import io.parley.webhook.WebhookEvents.WebhookUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One guild's incoming webhooks, so the per-channel limit is checked on one consistent list
 * (a webhook may move between the guild's channels). Executing a webhook never touches this
 * aggregate: its messages are message aggregates of their own.
 */
public class GuildWebhooks {
    private static final String PREFIX = "webhooks-";

    @AggregateIdentifier
    private String webhookSetId;
    private final Map<Long, Settings> webhooks = new LinkedHashMap<>();

    protected GuildWebhooks() {
    }

    public static String aggregateId(long guildId) {
        return PREFIX + guildId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreateWebhook c) {
        requireRoom(c.channelId(), c.maxPerChannel());
        apply(new WebhookCreated(c.guildId(), c.webhookId(), c.channelId(), c.name(), c.creatorId(), c.tokenHash(),
                c.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(UpdateWebhook c) {
        Settings before = find(c.webhookId());
        Settings after = new Settings(c.name() == null ? before.name() : c.name(),
                c.channelId() == null ? before.channelId() : c.channelId());
        if (after.channelId() != before.channelId()) {
            requireRoom(after.channelId(), c.maxPerChannel());
        }
        if (!after.equals(before)) {
            apply(new WebhookUpdated(guildId(), c.webhookId(), before, after, c.actorId(), c.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteWebhook c) {
        Settings webhook = find(c.webhookId());
        apply(new WebhookDeleted(guildId(), c.webhookId(), webhook.channelId(), webhook.name(), c.actorId(), c.at()));
        return getVersion();
    }

    private void requireRoom(long channelId, int max) {
        if (webhooks.values().stream().filter(w -> w.channelId() == channelId).count() >= max) {
            throw new ApiException(ErrorCode.MAX_WEBHOOKS, ErrorCode.MAX_WEBHOOKS.message() + " (" + max + ")");
        }
    }

    private Settings find(long webhookId) {
        Settings settings = webhooks.get(webhookId);
        if (settings == null) {
            throw new ApiException(ErrorCode.UNKNOWN_WEBHOOK);
        }
        return settings;
    }

    private long guildId() {
        return Long.parseLong(webhookSetId.substring(PREFIX.length()));
    }

    @EventSourcingHandler
    void on(WebhookCreated e) {
        webhookSetId = aggregateId(e.guildId());
        webhooks.put(e.webhookId(), new Settings(e.name(), e.channelId()));
    }

    @EventSourcingHandler
    void on(WebhookUpdated e) {
        webhooks.put(e.webhookId(), e.after());
    }

    @EventSourcingHandler
    void on(WebhookDeleted e) {
        webhooks.remove(e.webhookId());
    }
}
