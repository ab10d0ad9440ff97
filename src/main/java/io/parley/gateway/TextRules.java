package io.parley.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Text a client may put in a gateway frame: no NUL or other C0 control, no lone surrogate
 * (it could not be stored or re-encoded as UTF-8), in values and in keys, nested at most a
 * few levels deep.
 */
final class TextRules {
    private TextRules() {
    }

    /** Why some string in {@code value} is refused, or null. */
    static String problem(Object value, int depth) {
        if (value instanceof String text) {
            return clean(text) ? null : "strings must not contain control characters or lone surrogates";
        }
        if (value instanceof JsonObject || value instanceof JsonArray) {
            if (depth == 0) {
                return "nested too deeply";
            }
            if (value instanceof JsonObject object) {
                for (Map.Entry<String, Object> entry : object) {
                    String problem = clean(entry.getKey()) ? problem(entry.getValue(), depth - 1)
                            : "keys must not contain control characters or lone surrogates";
                    if (problem != null) {
                        return problem;
                    }
                }
            } else {
                for (Object item : (JsonArray) value) {
                    String problem = problem(item, depth - 1);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        }
        return null;
    }

    static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
