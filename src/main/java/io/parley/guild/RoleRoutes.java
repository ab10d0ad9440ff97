package io.parley.guild;

import io.parley.guild.GuildCommands.CreateRole;
import io.parley.guild.GuildCommands.DeleteRole;
import io.parley.guild.GuildCommands.ReorderRoles;
import io.parley.guild.GuildCommands.UpdateRole;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.platform.error.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.parley.http.Handlers.async;

/** Roles: list, create, modify, reorder, delete; nobody manages a role at or above their own highest. */
public final class RoleRoutes implements RouteModule {
    private final GuildContext g;

    public RoleRoutes(GuildContext g) {
        this.g = g;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/guilds/:guildId/roles").handler(auth).handler(async(this::list));
        api.post("/guilds/:guildId/roles").handler(auth).handler(async(this::create));
        api.patch("/guilds/:guildId/roles").handler(auth).handler(async(this::reorder));
        api.patch("/guilds/:guildId/roles/:roleId").handler(auth).handler(async(this::modify));
        api.delete("/guilds/:guildId/roles/:roleId").handler(auth).handler(async(this::delete));
    }

    private Future<?> list(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        return g.access().member(guildId, Authenticator.principal(ctx).userId())
                .compose(actor -> rolesJson(guildId))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> create(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        JsonInput input = JsonInput.of(ctx);
        RoleSettings settings = settings(input, new RoleSettings("new role", 0, false, false, 0));
        input.done();
        long roleId = g.services().snowflakes().next();
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.MANAGE_ROLES);
            actor.requireGrantable(settings.permissions());
            return g.services().commands().<Long>send(
                    new CreateRole(guildId, roleId, actor.userId(), settings, Instant.now()));
        }).compose(version -> g.caughtUp(GuildProjection.GROUP, guildId, version))
                .compose(v -> roleJson(guildId, roleId))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> modify(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long roleId = PathIds.of(ctx, "roleId", ErrorCode.UNKNOWN_ROLE);
        JsonInput input = JsonInput.of(ctx);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.MANAGE_ROLES);
            return role(guildId, roleId).compose(role -> {
                RoleSettings settings = settings(input, role.settings());
                input.done();
                actor.requireAbove(role.position());
                actor.requireGrantable(settings.permissions() ^ role.settings().permissions());
                return g.services().commands().<Long>send(
                        new UpdateRole(guildId, roleId, actor.userId(), settings, Instant.now()));
            });
        }).compose(version -> g.caughtUp(GuildProjection.GROUP, guildId, version))
                .compose(v -> roleJson(guildId, roleId))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> reorder(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        JsonArray body = JsonInput.arrayOf(ctx);
        List<FieldError> errors = new ArrayList<>();
        Map<Long, Integer> positions = new HashMap<>();
        for (int i = 0; i < body.size(); i++) {
            JsonInput entry = JsonInput.ofArrayElement(body, i, errors);
            Long id = entry.snowflake("id");
            int position = entry.integer("position", 1, 10_000, -1);
            if (id != null && position > 0) {
                positions.put(id, position);
            } else if (id == null) {
                entry.error("id", "This field is required");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.MANAGE_ROLES);
            return g.guilds().roles(guildId).compose(roles -> {
                for (RoleRecord role : roles) {
                    Integer wanted = positions.get(role.id());
                    if (wanted != null) {
                        actor.requireAbove(role.position());
                        actor.requireAbove(wanted);
                    }
                }
                return g.services().commands().<Long>send(
                        new ReorderRoles(guildId, actor.userId(), positions, Instant.now()));
            });
        }).compose(version -> g.caughtUp(GuildProjection.GROUP, guildId, version))
                .compose(v -> rolesJson(guildId))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> delete(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long roleId = PathIds.of(ctx, "roleId", ErrorCode.UNKNOWN_ROLE);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.MANAGE_ROLES);
            return role(guildId, roleId).compose(role -> {
                actor.requireAbove(role.position());
                return g.services().commands().<Long>send(new DeleteRole(guildId, roleId, actor.userId(), Instant.now()));
            });
        }).compose(version -> g.caughtUp(GuildProjection.GROUP, guildId, version))
                .compose(v -> Replies.noContent(ctx));
    }

    private static RoleSettings settings(JsonInput input, RoleSettings current) {
        String name = input.optionalString("name", 1, 100);
        return new RoleSettings(name != null ? name : current.name(),
                input.integer("color", 0, 0xFFFFFF, current.color()),
                input.bool("hoist", current.hoist()),
                input.bool("mentionable", current.mentionable()),
                input.permissions("permissions", current.permissions()));
    }

    private Future<RoleRecord> role(long guildId, long roleId) {
        return g.guilds().roles(guildId).map(roles -> roles.stream().filter(r -> r.id() == roleId).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_ROLE)));
    }

    private Future<io.vertx.core.json.JsonObject> roleJson(long guildId, long roleId) {
        return role(guildId, roleId).map(RoleRecord::toJson);
    }

    private Future<JsonArray> rolesJson(long guildId) {
        return g.guilds().roles(guildId).map(roles -> {
            JsonArray list = new JsonArray();
            roles.forEach(r -> list.add(r.toJson()));
            return list;
        });
    }
}
