package io.parley.settings;

import io.parley.http.JsonInput;
import io.parley.settings.GuildNotificationSettings.MuteConfig;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Field readers both settings bodies share: enumerations, BCP-47 tags, timestamps, mute configs. */
final class SettingsInput {
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

    private SettingsInput() {
    }

    /** One of {@code allowed}, or null (absent, or wrong with an error). */
    static String oneOf(JsonInput in, String field, Set<String> allowed) {
        String value = in.optionalString(field, 1, 32);
        if (value != null && !allowed.contains(value)) {
            in.error(field, "Must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }

    /** A BCP-47 language tag such as en-US, in its canonical case; null when absent or wrong. */
    static String locale(JsonInput in, String field) {
        String value = in.optionalString(field, 2, 35);
        if (value == null) {
            return null;
        }
        Locale locale = LANGUAGE_TAG.matcher(value).matches() ? Locale.forLanguageTag(value) : null;
        if (locale == null || locale.getLanguage().isEmpty()) {
            in.error(field, "Must be a BCP-47 language tag such as en-US");
            return null;
        }
        return locale.toLanguageTag();
    }

    /** An ISO-8601 timestamp with offset, or null (absent, null, or wrong with an error). */
    static Instant instant(JsonInput in, String field) {
        String value = in.optionalString(field, 1, 64);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            in.error(field, "Must be an ISO-8601 timestamp");
            return null;
        }
    }

    /** {@code mute_config}: {end_time, selected_time_window} or null. */
    static MuteConfig muteConfig(JsonInput in, String field) {
        Object raw = in.raw(field);
        if (raw == null) {
            return null;
        }
        JsonInput config = in.element(field, raw);
        return new MuteConfig(instant(config, "end_time"),
                config.integer("selected_time_window", -1, 366 * 24 * 3600, -1));
    }

    static Boolean optionalBool(JsonInput in, String field) {
        return in.raw(field) == null ? null : in.bool(field, false);
    }

    static Integer optionalInt(JsonInput in, String field, int min, int max) {
        return in.raw(field) == null ? null : in.integer(field, min, max, min);
    }
}
