package io.parley.http;

import io.parley.http.ratelimit.RateLimitHeaders;
import io.parley.http.ratelimit.RateLimitedException;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.platform.storage.DatabaseUnavailable;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.ext.web.RoutingContext;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into API.md's error format. Unexpected ones become a 500 that carries
 * only the request id; the cause goes to the log under that id.
 */
public final class ErrorResponder {
    private static final Logger log = LoggerFactory.getLogger(ErrorResponder.class);
    /** About the time an embedded PostgreSQL takes to be started again. */
    private static final String DATABASE_RETRY_AFTER_SECONDS = "2";

    private ErrorResponder() {
    }

    public static void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AggregateNotFoundException) {
            // a thing deleted between the route's read and its command
            Replies.json(ctx, 404, new ApiException(ErrorCode.NOT_FOUND, "Unknown resource").toJson());
            return;
        }
        if (DatabaseUnavailable.isCauseOf(failure)) {
            // PostgreSQL is down or restarting (the node's supervisor is on it): not a bug, and
            // nothing was committed unless the client gets a 200
            ctx.response().putHeader("Retry-After", DATABASE_RETRY_AFTER_SECONDS);
            Replies.json(ctx, 503, new ApiException(ErrorCode.DATABASE_UNAVAILABLE).toJson());
            return;
        }
        if (overloaded(failure)) {
            // the reactive pool's wait queue is full or a connection did not come in time: a
            // capacity limit, not a bug; clients back off and retry
            ctx.response().putHeader("Retry-After", "1");
            Replies.json(ctx, 503, new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The server is overloaded; retry shortly").toJson());
            return;
        }
        if (failure instanceof ApiException api) {
            if (api instanceof RateLimitedException limited) {
                RateLimitHeaders.apply(ctx.response(), limited.decision(), limited.bucket(),
                        limited.global() ? "global" : "user");
                ctx.response().putHeader("X-RateLimit-Global", Boolean.toString(limited.global()));
            }
            if (api.code().status() == 503) {
                ctx.response().putHeader("Retry-After", "1");
            }
            Replies.json(ctx, api.code().status(), api.toJson());
            return;
        }
        if (!(failure instanceof ApiException)) {
            ApiException undecodable = QueryTextGuard.undecodable(ctx.request());
            if (undecodable != null) {
                Replies.json(ctx, 400, undecodable.toJson());
                return;
            }
        }
        ErrorCode code = switch (ctx.statusCode()) {
            case 400 -> ErrorCode.INVALID_JSON;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ErrorCode.INTERNAL_ERROR;
        };
        if (code == ErrorCode.INTERNAL_ERROR) {
            String requestId = RequestIds.of(ctx);
            log.error("request {} {} {} failed", requestId, ctx.request().method(), ctx.request().path(), failure);
            Replies.json(ctx, 500, new ApiException(code).toJson().put("request_id", requestId));
            return;
        }
        Replies.json(ctx, code.status(), new ApiException(code).toJson());
    }

    private static boolean overloaded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionPoolTooBusyException || t instanceof NoStackTraceTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
