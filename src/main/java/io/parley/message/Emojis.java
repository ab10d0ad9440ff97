package io.parley.message;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/**
 * Reaction emoji as paths carry them (URL-decoded): a unicode emoji as is, or a custom one as
 * {@code name:id}. The stored key is the same text.
 */
final class Emojis {
    private static final Pattern CUSTOM = Pattern.compile("[A-Za-z0-9_]{2,32}:\\d{1,20}");
    private static final int MAX_UNICODE_LENGTH = 32;

    private Emojis() {
    }

    /** The key of a path emoji, or 400/404 when it is neither form. */
    static String key(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_EMOJI);
        }
        if (raw.contains(":")) {
            if (!CUSTOM.matcher(raw).matches()) {
                throw new ApiException(ErrorCode.UNKNOWN_EMOJI);
            }
            return raw;
        }
        boolean plausibleUnicode = raw.length() <= MAX_UNICODE_LENGTH
                && raw.codePoints().noneMatch(cp -> cp < 0x80 && !Character.isDigit(cp) && cp != '#' && cp != '*');
        if (!plausibleUnicode) {
            throw new ApiException(ErrorCode.UNKNOWN_EMOJI);
        }
        return raw;
    }

    /** The id of a custom emoji key ({@code name:id}); null for a unicode one. */
    static Long customId(String key) {
        int colon = key.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            return Long.parseLong(key.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.UNKNOWN_EMOJI);
        }
    }

    static JsonObject toJson(String key) {
        int colon = key.lastIndexOf(':');
        if (colon > 0) {
            return new JsonObject().put("id", key.substring(colon + 1)).put("name", key.substring(0, colon))
                    .put("animated", false);
        }
        return new JsonObject().put("id", null).put("name", key);
    }
}
