package io.parley.settings;

import io.parley.settings.GuildSettingsMessages.UpdateGuildSettings;
import io.parley.settings.GuildSettingsMessages.UserGuildSettingsUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** One user's notification settings in one guild. A change that changes nothing records no event. */
public class GuildSettingsAggregate {
    @AggregateIdentifier
    private String guildSettingsId;
    private GuildNotificationSettings settings = GuildNotificationSettings.DEFAULT;

    protected GuildSettingsAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(UpdateGuildSettings c) {
        guildSettingsId = c.guildSettingsId();
        GuildNotificationSettings next = c.change().applyTo(settings);
        if (!next.equals(settings)) {
            apply(new UserGuildSettingsUpdated(guildSettingsId, c.userId(), c.guildId(), next, c.at()));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(UserGuildSettingsUpdated e) {
        guildSettingsId = e.guildSettingsId();
        settings = e.settings();
    }
}
