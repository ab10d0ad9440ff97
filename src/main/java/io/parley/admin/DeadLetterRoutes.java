package io.parley.admin;

import io.parley.http.Replies;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.function.BiFunction;

import static io.parley.http.Handlers.async;

/**
 * {@code GET /_admin/dead-letters} lists every processor's dead letters;
 * {@code POST /_admin/dead-letters/{processor}/retry} handles them again (a sequence that
 * succeeds leaves the queue) and {@code DELETE /_admin/dead-letters/{processor}} drops them,
 * both for one sequence (aggregate) with {@code ?sequence=ID}. Behind {@link AdminAuth}.
 */
final class DeadLetterRoutes {
    private final Vertx vertx;
    private final DeadLetterAdmin admin;
    private final DeadLetterCounts counts;

    DeadLetterRoutes(Vertx vertx, DeadLetterAdmin admin, DeadLetterCounts counts) {
        this.vertx = vertx;
        this.admin = admin;
        this.counts = counts;
    }

    void mount(Router router) {
        router.get("/_admin/dead-letters").handler(async(ctx -> vertx.executeBlocking(admin::list)
                .compose(list -> Replies.json(ctx, 200, list))));
        router.post("/_admin/dead-letters/:processor/retry").handler(async(ctx -> act(ctx, admin::retry)));
        router.delete("/_admin/dead-letters/:processor").handler(async(ctx -> act(ctx, admin::drop)));
    }

    private Future<?> act(RoutingContext ctx, BiFunction<String, Optional<String>, DeadLetterAdmin.Outcome> action) {
        String processor = ctx.pathParam("processor");
        if (!admin.knows(processor)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "Unknown processor; one of " + admin.processors());
        }
        Optional<String> sequence = Optional.ofNullable(ctx.request().getParam("sequence"));
        return vertx.executeBlocking(() -> action.apply(processor, sequence)).compose(outcome -> {
            if (sequence.isPresent() && outcome.sequences() == 0) {
                throw new ApiException(ErrorCode.NOT_FOUND, "Processor " + processor + " has no dead letters of sequence "
                        + sequence.get());
            }
            // health and the gauge show the change at once, not at the next sample
            return counts.read().compose(ignored -> Replies.json(ctx, 200, outcome.json()));
        });
    }
}
