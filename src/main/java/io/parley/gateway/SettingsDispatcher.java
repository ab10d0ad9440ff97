package io.parley.gateway;

import io.parley.settings.GuildSettingsMessages.UserGuildSettingsUpdated;
import io.parley.settings.UserSettings;
import io.parley.settings.UserSettingsMessages.UserSettingsUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.time.Instant;
import java.util.List;

/**
 * USER_SETTINGS_UPDATE and USER_GUILD_SETTINGS_UPDATE to the user's own sessions; a changed
 * status also becomes the presence of the user's sessions on this node (others see it).
 */
@ProcessingGroup(GatewayDispatcher.GROUP)
final class SettingsDispatcher {
    private final Audience audience;
    private final Sessions sessions;
    private final Presences presences;

    /** {@code presences} null: a replay for one session, which must not set presence again. */
    SettingsDispatcher(Sessions sessions, Presences presences) {
        this.audience = new Audience(sessions);
        this.sessions = sessions;
        this.presences = presences;
    }

    @EventHandler
    void on(UserSettingsUpdated e) {
        audience.users(List.of(e.userId()), 0, "USER_SETTINGS_UPDATE",
                UserSettings.shown(e.settings().toJson(), Instant.now()).encode());
        if (e.statusChanged() && presences != null) {
            presences.restatus(e.userId(), e.settings().status());
        }
    }

    @EventHandler
    void on(UserGuildSettingsUpdated e) {
        audience.users(List.of(e.userId()), 0, "USER_GUILD_SETTINGS_UPDATE",
                e.settings().toJson(e.guildId()).encode());
    }
}
