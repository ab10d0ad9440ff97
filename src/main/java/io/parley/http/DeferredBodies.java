package io.parley.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Keeps the router's JSON body handler away from multipart requests on the routes that take
 * uploads. Such a request stays paused until its route has authenticated the caller and checked
 * permissions, then reads it with {@link MultipartBody}: nobody streams megabytes to a route that
 * will refuse them, and every other request keeps the JSON handler's {@code http.body_limit_bytes}.
 */
final class DeferredBodies {
    private static final String DEFERRED = "parley.body.deferred";
    private static final String WANTED = "parley.body.wanted";

    private DeferredBodies() {
    }

    /** Mounted on the upload routes before the JSON body handler; {@code maxBodyBytes} bounds draining a refused body. */
    static Handler<RoutingContext> defer(long maxBodyBytes) {
        return ctx -> {
            if (MultipartBody.isMultipart(ctx.request())) {
                ctx.request().pause();
                ctx.put(DEFERRED, true);
                ctx.addBodyEndHandler(v -> drain(ctx, maxBodyBytes));
            }
            ctx.next();
        };
    }

    static boolean isDeferred(RoutingContext ctx) {
        return ctx.get(DEFERRED) != null;
    }

    static Handler<RoutingContext> unlessDeferred(BodyHandler json) {
        return ctx -> {
            if (isDeferred(ctx)) {
                ctx.next();
            } else {
                json.handle(ctx);
            }
        };
    }

    /** The route starts reading: a client that sent {@code Expect: 100-continue} may now send the body. */
    static void bodyWanted(RoutingContext ctx) {
        ctx.put(WANTED, true);
        if (expectsContinue(ctx.request())) {
            ctx.response().writeContinue();
        }
    }

    /**
     * After the reply, the rest of an unread or refused body is read and dropped so the connection
     * can serve the next request; past the body limit, or when the client still waits for a 100
     * Continue that will not come, the connection (HTTP/1) or stream (HTTP/2) is dropped instead.
     */
    private static void drain(RoutingContext ctx, long maxBodyBytes) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            return;
        }
        if (request.bytesRead() > maxBodyBytes || (ctx.get(WANTED) == null && expectsContinue(request))) {
            abandon(request);
            return;
        }
        request.exceptionHandler(e -> {
        });
        request.uploadHandler(upload -> upload.handler(chunk -> {
        }));
        request.endHandler(v -> {
        });
        request.handler(chunk -> {
            if (request.bytesRead() > maxBodyBytes) {
                abandon(request);
            }
        });
        request.resume();
    }

    private static void abandon(HttpServerRequest request) {
        request.pause();
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset();
        } else {
            request.connection().close();
        }
    }

    private static boolean expectsContinue(HttpServerRequest request) {
        return "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
    }
}
