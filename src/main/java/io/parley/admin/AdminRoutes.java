package io.parley.admin;

import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.time.Instant;

import static io.parley.http.Handlers.async;

/**
 * Operator endpoints at the root, behind {@link AdminAuth}:
 * {@code POST /_admin/replay/{projection}} starts a rebuild (202), {@code GET} the same path
 * reports it: state, the processor's position and the event log's head.
 */
final class AdminRoutes implements RouteModule {
    private final AdminAuth auth;
    private final ProjectionReplays replays;
    private final EventLogHead head;
    private final ProjectionClaims claims;
    private final DeadLetterRoutes deadLetters;

    AdminRoutes(AdminAuth auth, ProjectionReplays replays, EventLogHead head, ProjectionClaims claims,
                DeadLetterRoutes deadLetters) {
        this.deadLetters = deadLetters;
        this.claims = claims;
        this.auth = auth;
        this.replays = replays;
        this.head = head;
    }

    @Override
    public void mount(Router router) {
        router.route("/_admin/*").handler(auth);
        router.post("/_admin/replay/:projection").handler(async(ctx -> {
            String projection = ctx.pathParam("projection");
            processor(projection);
            // In a cluster the node claiming the processor's segment must run the rebuild: a
            // reset needs the claim, and the other node would go on projecting meanwhile.
            return claims.otherOwners(projection).compose(others -> {
                if (!others.isEmpty()) {
                    return Future.failedFuture(new ApiException(ErrorCode.PROJECTION_HELD_ELSEWHERE,
                            "Node " + String.join(", ", others) + " holds the " + projection
                                    + " projection; run the replay there (POST /_admin/replay/" + projection
                                    + " on that node, or parley replay on its host)"));
                }
                replays.start(projection);
                return status(ctx, 202, projection);
            });
        }));
        router.get("/_admin/replay/:projection").handler(async(ctx -> status(ctx, 200, ctx.pathParam("projection"))));
        deadLetters.mount(router);
    }

    private TrackingEventProcessor processor(String projection) {
        return replays.processor(projection).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
                "Unknown projection; one of " + ProjectionReplays.PROJECTIONS));
    }

    private Future<?> status(RoutingContext ctx, int code, String projection) {
        TrackingEventProcessor processor = processor(projection);
        return head.read().compose(headIndex -> {
            JsonObject body = new JsonObject().put("projection", projection).put("head", headIndex);
            ProjectionPositions.position(processor).ifPresentOrElse(p -> body.put("position", p),
                    () -> body.putNull("position"));
            replays.last(projection).ifPresentOrElse(run -> {
                body.put("state", run.state().name().toLowerCase())
                        .put("started_at", Instant.ofEpochMilli(run.startedAtMillis()).toString())
                        .put("elapsed_ms", (run.finishedAtMillis() == 0 ? System.currentTimeMillis()
                                : run.finishedAtMillis()) - run.startedAtMillis());
                if (run.error() != null) {
                    body.put("error", run.error());
                }
            }, () -> body.put("state", "idle"));
            return Replies.json(ctx, code, body);
        });
    }
}
