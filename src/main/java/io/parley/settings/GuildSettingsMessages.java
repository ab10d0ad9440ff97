package io.parley.settings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Changing one's notification settings for a guild: the command and its event. */
public final class GuildSettingsMessages {
    private GuildSettingsMessages() {
    }

    /** One aggregate per user and guild. */
    public static String guildSettingsId(long userId, long guildId) {
        return "guild-settings:" + userId + ":" + guildId;
    }

    public record UpdateGuildSettings(@TargetAggregateIdentifier String guildSettingsId, long userId, long guildId,
                                      GuildSettingsChange change, Instant at) {
    }

    public record UserGuildSettingsUpdated(String guildSettingsId, long userId, long guildId,
                                           GuildNotificationSettings settings, Instant at) {
    }
}
