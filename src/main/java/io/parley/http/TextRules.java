package io.parley.http;

import io.parley.platform.error.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * The one rule for text Parley accepts from a client: no C0 control characters (tab, line feed
 * and carriage return only in multi-line text such as message content) and no lone UTF-16
 * surrogates. PostgreSQL's text and jsonb cannot hold U+0000 nor encode a lone surrogate, so
 * text breaking this rule would be accepted by a command and then fail every projection that
 * stores it; it is refused at the edge instead.
 */
public final class TextRules {
    /** A body full of bad strings is refused with this many errors, not a reply as large as the body. */
    static final int MAX_REPORTED = 50;

    private TextRules() {
    }

    /** Why {@code value} is not acceptable text, or null when it is. */
    public static String problem(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20) {
                if (multiline && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return c == 0 ? "Must not contain NUL characters"
                        : multiline ? "Must not contain control characters"
                        : "Must be one line without control characters (tab, line breaks)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "Must not contain unpaired UTF-16 surrogates";
            }
            if (Character.isLowSurrogate(c)) {
                return "Must not contain unpaired UTF-16 surrogates";
            }
        }
        return null;
    }

    /**
     * Records an error for every string value or key anywhere in {@code node} that breaks the rule
     * even for multi-line text; a bad key is reported on its object's path ("body" at the top).
     * Reporting stops at {@link #MAX_REPORTED} errors.
     */
    public static void scan(Object node, String path, List<FieldError> errors) {
        if (errors.size() >= MAX_REPORTED) {
            return;
        }
        if (node instanceof String text) {
            String problem = problem(text, true);
            if (problem != null) {
                errors.add(new FieldError(path.isEmpty() ? "body" : path, problem));
            }
        } else if (node instanceof JsonObject object) {
            for (Map.Entry<String, Object> entry : object) {
                String keyProblem = problem(entry.getKey(), true);
                if (keyProblem != null) {
                    errors.add(new FieldError(path.isEmpty() ? "body" : path, "Field names " + keyProblem.toLowerCase()));
                    continue;
                }
                scan(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), errors);
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                scan(array.getValue(i), path.isEmpty() ? Integer.toString(i) : path + "." + i, errors);
            }
        }
    }
}
