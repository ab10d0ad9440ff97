package io.parley.webhook;

import io.parley.http.JsonInput;

import java.util.Locale;
import java.util.regex.Pattern;

/** Field rules shared by the webhook routes (Discord's). */
final class WebhookInput {
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

    private WebhookInput() {
    }

    /** 1-80 characters, not naming Discord's own system users. Null (with an error when required) if absent. */
    static String name(JsonInput input, String field, boolean required) {
        if (!required && input.raw(field) == null) {
            return null;
        }
        String name = input.requiredString(field, 1, 80);
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("clyde") || lower.contains("discord")) {
                input.error(field, "Must not contain \"clyde\" or \"discord\"");
            } else if (name.isBlank()) {
                input.error(field, "Must not be blank");
            }
        }
        return name;
    }

    /** Avatar images are not accepted yet (as for users): only null, which keeps none. */
    static void avatar(JsonInput input) {
        if (input.raw("avatar") != null) {
            input.error("avatar", "Webhook avatars are not accepted yet; send null or leave it out");
        }
    }

    /** An http(s) URL of at most 2048 characters, kept as sent; null when absent. */
    static String avatarUrl(JsonInput input) {
        String url = input.optionalString("avatar_url", 1, 2048);
        if (url != null && !HTTP_URL.matcher(url).matches()) {
            input.error("avatar_url", "Must be an http or https URL");
            return null;
        }
        return url;
    }
}
