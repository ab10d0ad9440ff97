package io.parley.http;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;

/** Text path parameters (invite codes, emoji): one no store could hold names nothing, so it is unknown. */
public final class PathText {
    private static final int MAX_LENGTH = 256;

    private PathText() {
    }

    public static String of(RoutingContext ctx, String name, ErrorCode unknown) {
        String value = ctx.pathParam(name);
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || TextRules.problem(value, false) != null) {
            throw new ApiException(unknown);
        }
        return value;
    }
}
