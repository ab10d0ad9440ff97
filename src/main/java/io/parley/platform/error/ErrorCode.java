package io.parley.platform.error;

/** Every error code Parley answers with: the HTTP status and the default message beside each. */
public enum ErrorCode {
    INVALID_FORM_BODY(400, "Input Validation Error"),
    INVALID_JSON(400, "The request body contains invalid JSON"),
    UNAUTHORIZED(401, "401: Unauthorized"),
    MISSING_PERMISSIONS(403, "Missing Permissions"),
    MISSING_ACCESS(403, "Missing Access"),
    NOT_FOUND(404, "404: Not Found"),
    UNKNOWN_USER(404, "Unknown User"),
    UNKNOWN_APPLICATION(404, "Unknown Application"),
    METHOD_NOT_ALLOWED(405, "405: Method Not Allowed"),
    PAYLOAD_TOO_LARGE(413, "Request entity too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    RATE_LIMITED(429, "You are being rate limited."),
    INTERNAL_ERROR(500, "Internal Server Error"),
    SERVICE_UNAVAILABLE(503, "Service Unavailable");

    private final int status;
    private final String message;

    ErrorCode(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
