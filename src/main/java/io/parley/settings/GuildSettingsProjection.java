package io.parley.settings;

import io.parley.platform.storage.Jdbc;
import io.parley.settings.GuildSettingsMessages.UserGuildSettingsUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps user_guild_settings: each user's notification settings per guild as their wire object. */
@ProcessingGroup(GuildSettingsProjection.GROUP)
public final class GuildSettingsProjection {
    public static final String GROUP = "user-guild-settings";

    private final Jdbc jdbc;

    public GuildSettingsProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserGuildSettingsUpdated e) {
        jdbc.update("""
                INSERT INTO user_guild_settings (user_id, guild_id, settings) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (user_id, guild_id) DO UPDATE SET settings = EXCLUDED.settings""",
                e.userId(), e.guildId(), e.settings().toJson(e.guildId()).encode());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE user_guild_settings");
    }
}
