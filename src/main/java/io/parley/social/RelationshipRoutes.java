package io.parley.social;

import io.parley.http.ApiServices;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.social.RelationshipCommands.BlockUser;
import io.parley.social.RelationshipCommands.RemoveRelationship;
import io.parley.social.RelationshipCommands.RequestFriendship;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

import static io.parley.http.Handlers.async;

/** Friends and blocks: list, request by username or id, accept, decline, remove, block, unblock. */
public final class RelationshipRoutes implements RouteModule {
    private final ApiServices services;
    private final SocialQueries queries;

    public RelationshipRoutes(ApiServices services, SocialQueries queries) {
        this.services = services;
        this.queries = queries;
    }

    @Override
    public void mount(Router api) {
        var auth = services.authenticator();
        api.get("/users/@me/relationships").handler(auth).handler(async(this::list));
        api.post("/users/@me/relationships").handler(auth).handler(async(this::requestByUsername));
        api.put("/users/@me/relationships/:userId").handler(auth).handler(async(this::put));
        api.post("/users/@me/relationships/:userId").handler(auth).handler(async(this::put));
        api.delete("/users/@me/relationships/:userId").handler(auth).handler(async(this::remove));
    }

    private Future<?> list(RoutingContext ctx) {
        return queries.relationships(Authenticator.principal(ctx).userId()).compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> requestByUsername(RoutingContext ctx) {
        JsonInput input = JsonInput.of(ctx);
        String username = input.requiredString("username", 1, 32);
        input.done();
        long userId = Authenticator.principal(ctx).userId();
        return queries.userIdByUsername(username)
                .map(found -> found.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_USER)))
                .compose(otherId -> change(userId, otherId, RelationshipTypes.FRIEND))
                .compose(v -> Replies.noContent(ctx));
    }

    /** Discord's PUT: {@code type} 2 blocks; anything else (or nothing) sends or accepts a friend request. */
    private Future<?> put(RoutingContext ctx) {
        long otherId = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_USER);
        JsonInput input = ctx.body().length() <= 0 ? null : JsonInput.of(ctx);
        int type = input == null ? RelationshipTypes.FRIEND : input.integer("type", 1, 4, RelationshipTypes.FRIEND);
        if (input != null) {
            input.done();
        }
        long userId = Authenticator.principal(ctx).userId();
        return queries.userExists(otherId).compose(exists -> {
            if (!exists) {
                throw new ApiException(ErrorCode.UNKNOWN_USER);
            }
            return change(userId, otherId, type == RelationshipTypes.BLOCKED ? type : RelationshipTypes.FRIEND);
        }).compose(v -> Replies.noContent(ctx));
    }

    private Future<?> remove(RoutingContext ctx) {
        long otherId = PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_USER);
        long userId = Authenticator.principal(ctx).userId();
        String pairId = RelationshipTypes.pairId(userId, otherId);
        return services.commands().<Long>send(new RemoveRelationship(pairId, userId, otherId, Instant.now()))
                .compose(version -> caughtUp(pairId, version))
                .compose(v -> Replies.noContent(ctx));
    }

    private Future<Void> change(long userId, long otherId, int type) {
        String pairId = RelationshipTypes.pairId(userId, otherId);
        int max = services.config().limits().relationshipsPerUser();
        return queries.relationshipCount(userId).compose(count -> {
            if (count >= max) {
                throw new ApiException(ErrorCode.MAX_RELATIONSHIPS, ErrorCode.MAX_RELATIONSHIPS.message() + " (" + max + ")");
            }
            Object command = type == RelationshipTypes.BLOCKED
                    ? new BlockUser(pairId, userId, otherId, Instant.now())
                    : new RequestFriendship(pairId, userId, otherId, Instant.now());
            return services.commands().<Long>send(command);
        }).compose(version -> caughtUp(pairId, version));
    }

    private Future<Void> caughtUp(String pairId, Long version) {
        return version == null ? Future.succeededFuture()
                : services.readYourWrites().await(RelationshipProjection.GROUP, pairId, version);
    }
}
