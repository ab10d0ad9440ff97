package io.parley.member;

import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.PathIds;
import io.parley.http.Query;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import static io.parley.http.Handlers.async;

/**
 * Member search by name prefix and the caller's own member object ({@code /users/@me/guilds/{id}/member});
 * mounted before {@link MemberRoutes}, whose {@code /members/{user}} would read "search" as a user id.
 */
public final class MemberLookupRoutes implements RouteModule {
    private final GuildContext g;

    public MemberLookupRoutes(GuildContext g) {
        this.g = g;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/guilds/:guildId/members/search").handler(auth).handler(async(this::search));
        api.get("/users/@me/guilds/:guildId/member").handler(auth).handler(async(this::mine));
    }

    private Future<?> search(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        String query = ctx.request().getParam("query");
        if (query == null) {
            throw ApiException.invalid("query", "This field is required");
        }
        if (query.length() > 100) {
            throw ApiException.invalid("query", "Must be at most 100 characters long");
        }
        int limit = Query.intIn(ctx, "limit", 1, 1000, 1);
        return g.access().member(guildId, Authenticator.principal(ctx).userId())
                .compose(actor -> g.members().search(guildId, query, limit))
                .compose(members -> {
                    JsonArray list = new JsonArray();
                    members.forEach(m -> list.add(m.toJson()));
                    return Replies.json(ctx, 200, list);
                });
    }

    private Future<?> mine(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().member(guildId, userId).compose(actor -> g.members().member(guildId, userId))
                .compose(member -> Replies.json(ctx, 200, member
                        .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_GUILD)).toJson()));
    }
}
