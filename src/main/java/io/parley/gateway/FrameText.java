package io.parley.gateway;

import io.parley.http.TextRules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Text a client may put in a gateway frame: {@link TextRules}' one-line rule (no NUL or
 * other C0 control, no lone surrogate) for every value and key, nested at most a few levels deep.
 */
final class FrameText {
    private FrameText() {
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
        return TextRules.problem(text, false) == null;
    }
}
