package io.parley.settings;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Set;

/** A user's client settings, as {@code GET /users/@me/settings}, READY and USER_SETTINGS_UPDATE carry them. */
public record UserSettings(String status, CustomStatus customStatus, String theme, String locale,
                           boolean messageDisplayCompact, boolean developerMode, boolean renderEmbeds,
                           boolean animateEmoji, int timezoneOffset) {
    public static final Set<String> STATUSES = Set.of("online", "idle", "dnd", "invisible");
    public static final Set<String> THEMES = Set.of("dark", "light", "system");
    public static final UserSettings DEFAULT = new UserSettings("online", null, "dark", "en-US", false, false, true,
            true, 0);

    /** Shown beside the user's name until {@code expiresAt} (null: until cleared). */
    public record CustomStatus(String text, String emojiName, Instant expiresAt) {
        JsonObject toJson() {
            return new JsonObject().put("text", text).put("emoji_id", null).put("emoji_name", emojiName)
                    .put("expires_at", expiresAt == null ? null : expiresAt.toString());
        }
    }

    /** The wire object as stored; {@link #shown} hides a custom status past its expiry. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("status", status)
                .put("custom_status", customStatus == null ? null : customStatus.toJson())
                .put("theme", theme)
                .put("locale", locale)
                .put("message_display_compact", messageDisplayCompact)
                .put("developer_mode", developerMode)
                .put("render_embeds", renderEmbeds)
                .put("animate_emoji", animateEmoji)
                .put("timezone_offset", timezoneOffset);
    }

    /** The settings as a client should see them at {@code now}: an expired custom status reads as none. */
    public static JsonObject shown(JsonObject stored, Instant now) {
        JsonObject custom = stored.getJsonObject("custom_status");
        String expires = custom == null ? null : custom.getString("expires_at");
        if (expires != null && !Instant.parse(expires).isAfter(now)) {
            return stored.copy().putNull("custom_status");
        }
        return stored;
    }
}
