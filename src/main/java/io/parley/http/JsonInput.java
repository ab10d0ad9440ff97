package io.parley.http;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.platform.error.FieldError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request's JSON object, read field by field: each accessor validates one field and
 * records a per-field error instead of throwing, so one reply lists every problem.
 * Unknown fields are ignored, as API.md asks.
 */
public final class JsonInput {
    private final JsonObject body;
    private final List<FieldError> errors;
    private final String prefix;

    private JsonInput(JsonObject body) {
        this(body, new ArrayList<>(), "");
    }

    private JsonInput(JsonObject body, List<FieldError> errors, String prefix) {
        this.body = body;
        this.errors = errors;
        this.prefix = prefix;
    }

    /** Reads one element of a list field ({@code path} such as "permission_overwrites.2"), sharing this input's errors. */
    public JsonInput element(String path, Object element) {
        if (!(element instanceof JsonObject object)) {
            errors.add(new FieldError(prefix + path, "Must be an object"));
            return new JsonInput(new JsonObject(), new ArrayList<>(), prefix + path + ".");
        }
        return new JsonInput(object, errors, prefix + path + ".");
    }

    /** A body that must be a JSON array (bulk routes); INVALID_JSON otherwise. */
    public static JsonArray arrayOf(RoutingContext ctx) {
        Buffer raw = ctx.body().buffer();
        JsonArray array;
        try {
            array = raw == null ? new JsonArray() : new JsonArray(raw);
        } catch (DecodeException | ClassCastException e) {
            throw new ApiException(ErrorCode.INVALID_JSON, "The request body must be a JSON array");
        }
        refuseUnstorableText(array);
        return array;
    }

    public static JsonInput ofArrayElement(JsonArray array, int index, List<FieldError> errors) {
        Object element = array.getValue(index);
        if (!(element instanceof JsonObject object)) {
            errors.add(new FieldError(Integer.toString(index), "Must be an object"));
            return new JsonInput(new JsonObject(), new ArrayList<>(), index + ".");
        }
        return new JsonInput(object, errors, index + ".");
    }

    /** An empty body reads as {}; anything but a JSON object is INVALID_JSON. */
    public static JsonInput of(RoutingContext ctx) {
        return of(ctx.body().buffer());
    }

    /** Like {@link #of(RoutingContext)} for JSON that came another way (multipart {@code payload_json}). */
    public static JsonInput of(Buffer raw) {
        if (raw == null || raw.length() == 0) {
            return new JsonInput(new JsonObject());
        }
        JsonObject body;
        try {
            body = new JsonObject(raw);
        } catch (DecodeException | ClassCastException e) {
            throw new ApiException(ErrorCode.INVALID_JSON);
        }
        refuseUnstorableText(body);
        return new JsonInput(body);
    }

    /**
     * Every string of the body, read by an accessor or not (embeds are stored as sent), is checked
     * before any route sees it: no command or event ever carries text the stores cannot hold.
     */
    private static void refuseUnstorableText(Object body) {
        List<FieldError> problems = new ArrayList<>();
        TextRules.scan(body, "", problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    /** The field's value as parsed, unchecked (for fields of several shapes). */
    public Object raw(String field) {
        return body.getValue(field);
    }

    public boolean has(String field) {
        return body.containsKey(field);
    }

    /**
     * A one-line string (a name, an id, a URL) of {@code min..max} characters, or null (with an
     * error) when absent or wrong; tabs and line breaks are refused like other control characters.
     */
    public String requiredString(String field, int min, int max) {
        return required(field) ? string(field, min, max, false) : null;
    }

    /** Like {@link #requiredString} but absent or null is fine (returns null without an error). */
    public String optionalString(String field, int min, int max) {
        return body.getValue(field) == null ? null : string(field, min, max, false);
    }

    /** Like {@link #requiredString} for multi-line text (content, bio, passwords): tab, LF and CR are allowed. */
    public String requiredText(String field, int min, int max) {
        return required(field) ? string(field, min, max, true) : null;
    }

    /** Like {@link #optionalString} for multi-line text. */
    public String optionalText(String field, int min, int max) {
        return body.getValue(field) == null ? null : string(field, min, max, true);
    }

    private boolean required(String field) {
        if (!body.containsKey(field) || body.getValue(field) == null) {
            errors.add(new FieldError(prefix + field, "This field is required"));
            return false;
        }
        return true;
    }

    private String string(String field, int min, int max, boolean multiline) {
        if (!(body.getValue(field) instanceof String value)) {
            errors.add(new FieldError(prefix + field, "Must be a string"));
            return null;
        }
        String problem = TextRules.problem(value, multiline);
        if (problem != null) {
            errors.add(new FieldError(prefix + field, problem));
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            errors.add(new FieldError(prefix + field, "Must be between " + min + " and " + max + " characters long"));
            return null;
        }
        return value;
    }

    /** A whole number in {@code min..max}; {@code fallback} when absent or null. */
    public int integer(String field, int min, int max, int fallback) {
        Object value = body.getValue(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.longValue() < min || number.longValue() > max) {
            errors.add(new FieldError(prefix + field, "Must be a whole number from " + min + " to " + max));
            return fallback;
        }
        return number.intValue();
    }

    public boolean bool(String field, boolean fallback) {
        Object value = body.getValue(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            errors.add(new FieldError(prefix + field, "Must be true or false"));
            return fallback;
        }
        return flag;
    }

    /** A snowflake sent as a string (or a number); null when absent or null. */
    public Long snowflake(String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        try {
            long id = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(prefix + field, "Must be a snowflake"));
        return null;
    }

    /** A permission bit set as the wire carries it (decimal string); {@code fallback} when absent. */
    public long permissions(String field, long fallback) {
        Object value = body.getValue(field);
        if (value == null) {
            return fallback;
        }
        try {
            return io.parley.permission.Permission.fromWire(value.toString());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(prefix + field, "Must be a permission bit set: " + e.getMessage()));
            return fallback;
        }
    }

    public JsonArray array(String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError(prefix + field, "Must be an array"));
            return null;
        }
        return array;
    }

    public String matching(String field, String value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(prefix + field, message));
            return null;
        }
        return value;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Throws INVALID_FORM_BODY listing every field error found so far. */
    public void done() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
