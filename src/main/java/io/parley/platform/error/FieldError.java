package io.parley.platform.error;

/** One validation failure: {@code path} in dot/index notation ("items.0.name"). */
public record FieldError(String path, String message) {
}
