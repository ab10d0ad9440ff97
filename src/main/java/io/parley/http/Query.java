package io.parley.http;

import io.parley.platform.error.ApiException;
import io.vertx.ext.web.RoutingContext;

/** Query-string parameters, validated the same way everywhere (400 INVALID_FORM_BODY naming the parameter). */
public final class Query {
    private Query() {
    }

    public static int intIn(RoutingContext ctx, String name, int min, int max, int fallback) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        Integer value = wholeNumberIn(raw, min, max);
        if (value == null) {
            throw ApiException.invalid(name, wholeNumberMessage(min, max));
        }
        return value;
    }

    /** {@code raw} as an int within [min, max]; null when it is not one. */
    public static Integer wholeNumberIn(String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw);
            return value >= min && value <= max ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String wholeNumberMessage(int min, int max) {
        return "Must be a whole number from " + min + " to " + max;
    }

    /** A snowflake (or other whole number) parameter; null when absent. */
    public static Long id(RoutingContext ctx, String name) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "Must be a snowflake");
        }
    }
}
