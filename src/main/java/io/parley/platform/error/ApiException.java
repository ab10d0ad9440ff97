package io.parley.platform.error;

import io.vertx.core.json.JsonObject;

import java.util.List;

/** A request Parley refuses, rendered in API.md's error format by the HTTP layer. */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> errors;
    private final JsonObject extra;

    public ApiException(ErrorCode code) {
        this(code, code.message(), List.of(), null);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public ApiException(ErrorCode code, String message, List<FieldError> errors, JsonObject extra) {
        super(message, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.extra = extra;
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ErrorCode.INVALID_FORM_BODY, ErrorCode.INVALID_FORM_BODY.message(), errors, null);
    }

    public static ApiException invalid(String path, String message) {
        return invalid(List.of(new FieldError(path, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public JsonObject toJson() {
        JsonObject body = new JsonObject().put("code", code.name()).put("message", getMessage());
        if (code == ErrorCode.INVALID_FORM_BODY) {
            body.put("errors", errors.stream()
                    .map(e -> new JsonObject().put("path", e.path()).put("message", e.message()))
                    .toList());
        }
        if (extra != null) {
            body.mergeIn(extra);
        }
        return body;
    }
}
