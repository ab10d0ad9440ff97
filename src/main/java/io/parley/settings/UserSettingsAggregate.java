package io.parley.settings;

import io.parley.settings.UserSettingsMessages.UpdateUserSettings;
import io.parley.settings.UserSettingsMessages.UserSettingsUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** One user's client settings. A change that changes nothing records no event. */
public class UserSettingsAggregate {
    @AggregateIdentifier
    private String settingsId;
    private UserSettings settings = UserSettings.DEFAULT;

    protected UserSettingsAggregate() {
    }

    /** Returns the aggregate's version (null when nothing was ever recorded), for read-your-writes. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(UpdateUserSettings c) {
        settingsId = c.settingsId();
        UserSettings next = c.change().applyTo(settings);
        if (!next.equals(settings)) {
            apply(new UserSettingsUpdated(settingsId, c.userId(), next, !next.status().equals(settings.status()),
                    c.at()));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(UserSettingsUpdated e) {
        settingsId = e.settingsId();
        settings = e.settings();
    }
}
