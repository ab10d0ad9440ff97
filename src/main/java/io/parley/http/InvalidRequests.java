package io.parley.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers requests the HTTP codec could not decode (request line or headers over their limits,
 * broken syntax) in the API's error format, instead of Vert.x's empty replies; the connection
 * closes after the answer, since the codec cannot tell where the next request would start.
 */
final class InvalidRequests {
    private InvalidRequests() {
    }

    /** Refuses (and closes) a request {@link StrictRequestDecoder} saw with both Content-Length and Transfer-Encoding. */
    static void refuseAmbiguousFraming(RoutingContext ctx) {
        if (!"true".equals(ctx.request().getHeader(StrictRequestDecoder.FRAMING_CONFLICT))) {
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        request.pause();
        request.response()
                .setStatusCode(ErrorCode.MALFORMED_REQUEST.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new ApiException(ErrorCode.MALFORMED_REQUEST,
                        "A request may not carry both Content-Length and Transfer-Encoding").toJson().encode())
                .onComplete(sent -> request.connection().close());
    }

    static void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        ErrorCode code = cause instanceof TooLongHttpLineException ? ErrorCode.URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? ErrorCode.HEADERS_TOO_LARGE
                : ErrorCode.MALFORMED_REQUEST;
        request.response()
                .setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new ApiException(code).toJson().encode());
    }
}
