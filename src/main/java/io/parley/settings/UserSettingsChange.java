package io.parley.settings;

import io.parley.settings.UserSettings.CustomStatus;

/**
 * The fields one PATCH sets; null leaves a field as it is. {@code customStatusSet} tells a
 * custom status cleared (true, {@code customStatus} null) from one not mentioned.
 */
public record UserSettingsChange(String status, boolean customStatusSet, CustomStatus customStatus, String theme,
                                 String locale, Boolean messageDisplayCompact, Boolean developerMode,
                                 Boolean renderEmbeds, Boolean animateEmoji, Integer timezoneOffset) {

    public UserSettings applyTo(UserSettings s) {
        return new UserSettings(
                status == null ? s.status() : status,
                customStatusSet ? customStatus : s.customStatus(),
                theme == null ? s.theme() : theme,
                locale == null ? s.locale() : locale,
                messageDisplayCompact == null ? s.messageDisplayCompact() : messageDisplayCompact,
                developerMode == null ? s.developerMode() : developerMode,
                renderEmbeds == null ? s.renderEmbeds() : renderEmbeds,
                animateEmoji == null ? s.animateEmoji() : animateEmoji,
                timezoneOffset == null ? s.timezoneOffset() : timezoneOffset);
    }
}
