package io.parley.guild;

import io.parley.guild.GuildCommands.CreateChannel;
import io.parley.guild.GuildCommands.DeleteChannel;
import io.parley.guild.GuildCommands.DeleteChannelOverwrite;
import io.parley.guild.GuildCommands.ReorderChannels;
import io.parley.guild.GuildCommands.SetChannelOverwrite;
import io.parley.guild.GuildCommands.UpdateChannel;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.permission.Overwrite;
import io.parley.permission.OverwriteType;
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
import java.util.List;

import static io.parley.http.Handlers.async;

/** Guild channels: list, create, read, modify, move, delete, and their permission overwrites. */
public final class ChannelRoutes implements RouteModule {
    private final GuildContext g;

    public ChannelRoutes(GuildContext g) {
        this.g = g;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/guilds/:guildId/channels").handler(auth).handler(async(this::list));
        api.post("/guilds/:guildId/channels").handler(auth).handler(async(this::create));
        api.patch("/guilds/:guildId/channels").handler(auth).handler(async(this::reorder));
        api.get("/channels/:channelId").handler(auth).handler(async(this::get));
        api.patch("/channels/:channelId").handler(auth).handler(async(this::modify));
        api.delete("/channels/:channelId").handler(auth).handler(async(this::delete));
        api.put("/channels/:channelId/permissions/:overwriteId").handler(auth).handler(async(this::putOverwrite));
        api.delete("/channels/:channelId/permissions/:overwriteId").handler(auth).handler(async(this::deleteOverwrite));
    }

    /** Only the channels the caller can see. */
    private Future<?> list(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        return g.access().member(guildId, Authenticator.principal(ctx).userId())
                .compose(actor -> g.guilds().channels(guildId).map(channels -> {
                    JsonArray list = new JsonArray();
                    channels.stream()
                            .filter(c -> Permission.has(new ChannelActor(actor, c).permissions(), Permission.VIEW_CHANNEL))
                            .forEach(c -> list.add(c.toJson()));
                    return list;
                }))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> create(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        JsonInput input = JsonInput.of(ctx);
        int type = input.integer("type", 0, 4, ChannelTypes.GUILD_TEXT);
        ChannelSettings settings = settings(input, type, new ChannelSettings(null, null, 0, null, false, 0,
                type == ChannelTypes.GUILD_VOICE ? 64_000 : 0, 0));
        if (settings.name() == null) {
            input.error("name", "This field is required");
        }
        List<Overwrite> overwrites = input.has("permission_overwrites") ? overwrites(input) : null;
        input.done();
        long channelId = g.services().snowflakes().next();
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.MANAGE_CHANNELS);
            if (overwrites != null && !overwrites.isEmpty()) {
                actor.require(Permission.MANAGE_ROLES);
                overwrites.forEach(o -> actor.requireGrantable(o.allow() | o.deny()));
            }
            return g.services().commands().<Long>send(new CreateChannel(guildId, channelId, actor.userId(), type,
                    settings, overwrites, Instant.now()));
        }).compose(version -> g.caughtUp(GuildProjection.GROUP, guildId, version))
                .compose(v -> channelJson(channelId))
                .compose(json -> Replies.json(ctx, 201, json));
    }

    private Future<?> get(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        return g.access().channel(channelId, Authenticator.principal(ctx).userId())
                .compose(channel -> Replies.json(ctx, 200, channel.require().channel().toJson()));
    }

    private Future<?> modify(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        JsonInput input = JsonInput.of(ctx);
        return g.access().channel(channelId, Authenticator.principal(ctx).userId()).compose(access -> {
            access.require(Permission.MANAGE_CHANNELS);
            ChannelRecord channel = access.channel();
            ChannelSettings settings = settings(input, channel.type(), channel.settings());
            input.done();
            return g.services().commands().<Long>send(new UpdateChannel(channel.guildId(), channelId,
                            access.actor().userId(), settings, Instant.now()))
                    .compose(version -> g.caughtUp(GuildProjection.GROUP, channel.guildId(), version));
        }).compose(v -> channelJson(channelId)).compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> reorder(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        JsonArray body = JsonInput.arrayOf(ctx);
        List<FieldError> errors = new ArrayList<>();
        List<ChannelPosition> moves = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonInput entry = JsonInput.ofArrayElement(body, i, errors);
            Long id = entry.snowflake("id");
            int position = entry.integer("position", 0, 10_000, 0);
            if (id == null) {
                entry.error("id", "This field is required");
            } else {
                moves.add(new ChannelPosition(id, position, entry.has("parent_id"), entry.snowflake("parent_id")));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            actor.require(Permission.MANAGE_CHANNELS);
            return g.services().commands().<Long>send(new ReorderChannels(guildId, actor.userId(), moves, Instant.now()));
        }).compose(version -> g.caughtUp(GuildProjection.GROUP, guildId, version))
                .compose(v -> Replies.noContent(ctx));
    }

    private Future<?> delete(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        return g.access().channel(channelId, Authenticator.principal(ctx).userId()).compose(access -> {
            access.require(Permission.MANAGE_CHANNELS);
            ChannelRecord channel = access.channel();
            return g.services().commands().<Long>send(new DeleteChannel(channel.guildId(), channelId,
                            access.actor().userId(), Instant.now()))
                    .compose(version -> g.caughtUp(GuildProjection.GROUP, channel.guildId(), version))
                    .compose(v -> Replies.json(ctx, 200, channel.toJson()));
        });
    }

    private Future<?> putOverwrite(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long targetId = PathIds.of(ctx, "overwriteId", ErrorCode.UNKNOWN_OVERWRITE);
        JsonInput input = JsonInput.of(ctx);
        int type = input.integer("type", 0, 1, -1);
        if (type < 0) {
            input.error("type", "This field is required: 0 (role) or 1 (member)");
        }
        long allow = input.permissions("allow", 0);
        long deny = input.permissions("deny", 0);
        input.done();
        Overwrite overwrite = new Overwrite(targetId, OverwriteType.fromWire(type), allow, deny);
        return g.access().channel(channelId, Authenticator.principal(ctx).userId()).compose(access -> {
            access.require(Permission.MANAGE_ROLES);
            ChannelRecord channel = access.channel();
            access.requireGrantable(changedBits(channel, targetId, overwrite));
            return g.services().commands().<Long>send(new SetChannelOverwrite(channel.guildId(), channelId,
                            access.actor().userId(), overwrite, Instant.now()))
                    .compose(version -> g.caughtUp(GuildProjection.GROUP, channel.guildId(), version));
        }).compose(v -> Replies.noContent(ctx));
    }

    private Future<?> deleteOverwrite(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long targetId = PathIds.of(ctx, "overwriteId", ErrorCode.UNKNOWN_OVERWRITE);
        return g.access().channel(channelId, Authenticator.principal(ctx).userId()).compose(access -> {
            access.require(Permission.MANAGE_ROLES);
            ChannelRecord channel = access.channel();
            access.requireGrantable(changedBits(channel, targetId, null));
            return g.services().commands().<Long>send(new DeleteChannelOverwrite(channel.guildId(), channelId,
                            access.actor().userId(), targetId, Instant.now()))
                    .compose(version -> g.caughtUp(GuildProjection.GROUP, channel.guildId(), version));
        }).compose(v -> Replies.noContent(ctx));
    }

    /** The bits an overwrite write (or, for {@code wanted == null}, a delete) turns on or off for its target. */
    private static long changedBits(ChannelRecord channel, long targetId, Overwrite wanted) {
        Overwrite previous = channel.overwrites().stream().filter(o -> o.id() == targetId).findFirst().orElse(null);
        long allowBefore = previous == null ? 0 : previous.allow();
        long denyBefore = previous == null ? 0 : previous.deny();
        long allowAfter = wanted == null ? 0 : wanted.allow();
        long denyAfter = wanted == null ? 0 : wanted.deny();
        return (allowBefore ^ allowAfter) | (denyBefore ^ denyAfter);
    }

    private static ChannelSettings settings(JsonInput input, int type, ChannelSettings current) {
        String name = input.optionalString("name", 1, 100);
        boolean text = type == ChannelTypes.GUILD_TEXT;
        boolean voice = type == ChannelTypes.GUILD_VOICE;
        String topic = text ? input.optionalText("topic", 0, 1024) : null;
        return new ChannelSettings(name != null ? name : current.name(),
                text && input.has("topic") ? topic : current.topic(),
                input.integer("position", 0, 10_000, current.position()),
                input.has("parent_id") ? input.snowflake("parent_id") : current.parentId(),
                input.bool("nsfw", current.nsfw()),
                text ? input.integer("rate_limit_per_user", 0, 21_600, current.rateLimitPerUser()) : 0,
                voice ? input.integer("bitrate", 8_000, 384_000, current.bitrate()) : 0,
                voice ? input.integer("user_limit", 0, 99, current.userLimit()) : 0);
    }

    private static List<Overwrite> overwrites(JsonInput input) {
        JsonArray array = input.array("permission_overwrites");
        List<Overwrite> overwrites = new ArrayList<>();
        if (array == null) {
            return overwrites;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonInput entry = input.element("permission_overwrites." + i, array.getValue(i));
            Long id = entry.snowflake("id");
            int type = entry.integer("type", 0, 1, -1);
            long allow = entry.permissions("allow", 0);
            long deny = entry.permissions("deny", 0);
            if (id == null || type < 0) {
                entry.error(id == null ? "id" : "type", "This field is required");
            } else {
                overwrites.add(new Overwrite(id, OverwriteType.fromWire(type), allow, deny));
            }
        }
        return overwrites;
    }

    private Future<io.vertx.core.json.JsonObject> channelJson(long channelId) {
        return g.guilds().channel(channelId).map(c -> c.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CHANNEL))
                .toJson());
    }
}
