package io.parley.http;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A JSON request whose body has not fully arrived {@code http.request_body_timeout_ms} after its
 * headers is answered 408 REQUEST_TIMEOUT and its connection closed, so a client trickling a body
 * (or announcing more bytes than it sends) cannot hold a connection and its buffer open. Uploads
 * read by their route are left to the connection's idle timeout: a large file may take longer.
 */
final class RequestBodyTimeout {
    private RequestBodyTimeout() {
    }

    static Handler<RoutingContext> of(long timeoutMs) {
        return ctx -> {
            HttpServerRequest request = ctx.request();
            if (timeoutMs <= 0 || request.isEnded() || DeferredBodies.isDeferred(ctx)) {
                ctx.next();
                return;
            }
            long timer = ctx.vertx().setTimer(timeoutMs, id -> expire(ctx));
            ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
            ctx.next();
        };
    }

    private static void expire(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded() || ctx.response().headWritten() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(ErrorCode.REQUEST_TIMEOUT.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new ApiException(ErrorCode.REQUEST_TIMEOUT).toJson().encode())
                .onComplete(sent -> request.connection().close());
    }
}
