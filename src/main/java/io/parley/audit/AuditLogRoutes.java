package io.parley.audit;

import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.PathIds;
import io.parley.http.Query;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.LinkedHashSet;
import java.util.Set;

import static io.parley.http.Handlers.async;

/** {@code GET /guilds/{id}/audit-logs}: newest first, filterable by user, action type, before/after, limit. */
public final class AuditLogRoutes implements RouteModule {
    private final GuildContext g;
    private final Pool pool;

    public AuditLogRoutes(GuildContext g, Pool pool) {
        this.g = g;
        this.pool = pool;
    }

    @Override
    public void mount(Router api) {
        api.get("/guilds/:guildId/audit-logs").handler(g.services().authenticator()).handler(async(this::list));
    }

    private Future<?> list(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        Long userId = Query.id(ctx, "user_id");
        Long actionType = Query.id(ctx, "action_type");
        Long before = Query.id(ctx, "before");
        Long after = Query.id(ctx, "after");
        int limit = Query.intIn(ctx, "limit", 1, 100, 50);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.VIEW_AUDIT_LOG);
            return pool.preparedQuery("""
                            SELECT id, user_id, target_id, action_type, changes, reason FROM audit_log
                            WHERE guild_id = $1 AND ($2::bigint IS NULL OR user_id = $2)
                              AND ($3::int IS NULL OR action_type = $3)
                              AND ($4::bigint IS NULL OR id < $4) AND ($5::bigint IS NULL OR id > $5)
                            ORDER BY id DESC LIMIT $6""")
                    .execute(Tuple.of(guildId, userId, actionType == null ? null : actionType.intValue(), before, after,
                            limit));
        }).compose(rows -> {
            JsonArray entries = new JsonArray();
            Set<Long> userIds = new LinkedHashSet<>();
            rows.forEach(row -> {
                userIds.add(row.getLong("user_id"));
                entries.add(new JsonObject()
                        .put("id", Long.toString(row.getLong("id")))
                        .put("user_id", Long.toString(row.getLong("user_id")))
                        .put("target_id", row.getString("target_id"))
                        .put("action_type", row.getInteger("action_type"))
                        .put("changes", new JsonArray(row.getValue("changes").toString()))
                        .put("reason", row.getString("reason")));
            });
            return users(userIds).map(users -> new JsonObject()
                    .put("audit_log_entries", entries)
                    .put("users", users)
                    .put("integrations", new JsonArray())
                    .put("webhooks", new JsonArray())
                    .put("guild_scheduled_events", new JsonArray())
                    .put("threads", new JsonArray())
                    .put("application_commands", new JsonArray())
                    .put("auto_moderation_rules", new JsonArray()));
        }).compose(body -> Replies.json(ctx, 200, body));
    }

    private Future<JsonArray> users(Set<Long> ids) {
        JsonArray users = new JsonArray();
        Future<Void> chain = Future.succeededFuture();
        for (long id : ids) {
            chain = chain.compose(v -> g.services().accounts().userById(id)
                    .map(user -> {
                        user.ifPresent(u -> users.add(u.toPublicJson()));
                        return null;
                    }));
        }
        return chain.map(v -> users);
    }

}
