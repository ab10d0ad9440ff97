package io.parley.settings;

import io.parley.http.JsonInput;
import io.parley.settings.UserSettings.CustomStatus;

import static io.parley.settings.SettingsInput.optionalBool;

/** Reads a {@code PATCH /users/@me/settings} body; unknown fields are ignored, wrong ones reported together. */
final class UserSettingsInput {
    static final int CUSTOM_STATUS_TEXT_MAX = 128;
    static final int EMOJI_NAME_MAX = 32;
    /** Minutes from UTC, as Discord clients send it: UTC-14:00 to UTC+14:00. */
    static final int TIMEZONE_OFFSET_MAX = 14 * 60;

    private UserSettingsInput() {
    }

    static UserSettingsChange read(JsonInput in) {
        boolean customStatusSet = in.has("custom_status");
        CustomStatus customStatus = customStatusSet ? customStatus(in) : null;
        UserSettingsChange change = new UserSettingsChange(
                SettingsInput.oneOf(in, "status", UserSettings.STATUSES),
                customStatusSet, customStatus,
                SettingsInput.oneOf(in, "theme", UserSettings.THEMES),
                SettingsInput.locale(in, "locale"),
                optionalBool(in, "message_display_compact"),
                optionalBool(in, "developer_mode"),
                optionalBool(in, "render_embeds"),
                optionalBool(in, "animate_emoji"),
                SettingsInput.optionalInt(in, "timezone_offset", -TIMEZONE_OFFSET_MAX, TIMEZONE_OFFSET_MAX));
        in.done();
        return change;
    }

    /** {text, emoji_name, expires_at} or null; one with neither text nor emoji clears the status. */
    private static CustomStatus customStatus(JsonInput in) {
        Object raw = in.raw("custom_status");
        if (raw == null) {
            return null;
        }
        JsonInput status = in.element("custom_status", raw);
        String text = status.optionalString("text", 0, CUSTOM_STATUS_TEXT_MAX);
        String emojiName = status.optionalString("emoji_name", 0, EMOJI_NAME_MAX);
        var expiresAt = SettingsInput.instant(status, "expires_at");
        text = text == null || text.isBlank() ? null : text;
        emojiName = emojiName == null || emojiName.isBlank() ? null : emojiName;
        return text == null && emojiName == null ? null : new CustomStatus(text, emojiName, expiresAt);
    }
}
