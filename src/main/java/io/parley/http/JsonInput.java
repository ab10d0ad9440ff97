package io.parley.http;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.platform.error.FieldError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
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
    private final List<FieldError> errors = new ArrayList<>();

    private JsonInput(JsonObject body) {
        this.body = body;
    }

    /** An empty body reads as {}; anything but a JSON object is INVALID_JSON. */
    public static JsonInput of(RoutingContext ctx) {
        Buffer raw = ctx.body().buffer();
        if (raw == null || raw.length() == 0) {
            return new JsonInput(new JsonObject());
        }
        try {
            return new JsonInput(new JsonObject(raw));
        } catch (DecodeException | ClassCastException e) {
            throw new ApiException(ErrorCode.INVALID_JSON);
        }
    }

    public boolean has(String field) {
        return body.containsKey(field);
    }

    /** A string of {@code min..max} characters, or null (with an error) when absent or wrong. */
    public String requiredString(String field, int min, int max) {
        if (!body.containsKey(field) || body.getValue(field) == null) {
            errors.add(new FieldError(field, "This field is required"));
            return null;
        }
        return string(field, min, max);
    }

    /** Like {@link #requiredString} but absent or null is fine (returns null without an error). */
    public String optionalString(String field, int min, int max) {
        if (body.getValue(field) == null) {
            return null;
        }
        return string(field, min, max);
    }

    private String string(String field, int min, int max) {
        if (!(body.getValue(field) instanceof String value)) {
            errors.add(new FieldError(field, "Must be a string"));
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            errors.add(new FieldError(field, "Must be between " + min + " and " + max + " characters long"));
            return null;
        }
        return value;
    }

    public String matching(String field, String value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return value;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Throws INVALID_FORM_BODY listing every field error found so far. */
    public void done() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
