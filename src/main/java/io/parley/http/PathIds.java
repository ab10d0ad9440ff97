package io.parley.http;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;

/** Snowflakes from the path; one that is not a number is as unknown as one that does not exist. */
public final class PathIds {
    private PathIds() {
    }

    public static long of(RoutingContext ctx, String name, ErrorCode unknown) {
        try {
            long id = Long.parseLong(ctx.pathParam(name));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to 404
        }
        throw new ApiException(unknown);
    }
}
