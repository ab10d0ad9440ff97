package io.parley.settings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Changing one's client settings: the command and its event. */
public final class UserSettingsMessages {
    private UserSettingsMessages() {
    }

    /** One aggregate per user; the prefix keeps it apart from the account aggregate of the same id. */
    public static String settingsId(long userId) {
        return "settings:" + userId;
    }

    public record UpdateUserSettings(@TargetAggregateIdentifier String settingsId, long userId,
                                     UserSettingsChange change, Instant at) {
    }

    /** The settings after the change, and whether the status is among what changed (it drives presence). */
    public record UserSettingsUpdated(String settingsId, long userId, UserSettings settings, boolean statusChanged,
                                      Instant at) {
    }
}
