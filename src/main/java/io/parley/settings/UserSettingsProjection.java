package io.parley.settings;

import io.parley.platform.storage.Jdbc;
import io.parley.settings.UserSettingsMessages.UserSettingsUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps user_settings: each user's client settings as their wire object. */
@ProcessingGroup(UserSettingsProjection.GROUP)
public final class UserSettingsProjection {
    public static final String GROUP = "user-settings";

    private final Jdbc jdbc;

    public UserSettingsProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserSettingsUpdated e) {
        jdbc.update("""
                INSERT INTO user_settings (user_id, settings) VALUES (?, ?::jsonb)
                ON CONFLICT (user_id) DO UPDATE SET settings = EXCLUDED.settings""",
                e.userId(), e.settings().toJson().encode());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE user_settings");
    }
}
