package io.parley.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Function;

/**
 * Adapts a route written as "context → future reply" to Vert.x Web: a synchronous throw
 * and a failed future both reach the {@link ErrorResponder}.
 */
public final class Handlers {
    private Handlers() {
    }

    public static Handler<RoutingContext> async(Function<RoutingContext, Future<?>> route) {
        return ctx -> {
            Future<?> reply;
            try {
                reply = route.apply(ctx);
            } catch (RuntimeException e) {
                ctx.fail(e);
                return;
            }
            reply.onFailure(failure -> {
                if (!ctx.response().ended()) {
                    ctx.fail(failure);
                }
            });
        };
    }
}
