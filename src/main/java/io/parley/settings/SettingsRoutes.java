package io.parley.settings;

import io.parley.guild.ChannelRecord;
import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.platform.error.FieldError;
import io.parley.settings.GuildSettingsChange.OverrideChange;
import io.parley.settings.GuildSettingsMessages.UpdateGuildSettings;
import io.parley.settings.UserSettingsMessages.UpdateUserSettings;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.parley.http.Handlers.async;

/** The user's own client settings and per-guild notification settings; each change is read back as stored. */
public final class SettingsRoutes implements RouteModule {
    private final GuildContext g;
    private final SettingsQueries settings;

    public SettingsRoutes(GuildContext g, SettingsQueries settings) {
        this.g = g;
        this.settings = settings;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/users/@me/settings").handler(auth).handler(async(ctx -> settings
                .userSettings(Authenticator.principal(ctx).userId()).compose(json -> Replies.json(ctx, 200, json))));
        api.patch("/users/@me/settings").handler(auth).handler(async(this::changeSettings));
        api.get("/users/@me/guilds/:guildId/settings").handler(auth).handler(async(this::guildSettings));
        api.patch("/users/@me/guilds/:guildId/settings").handler(auth).handler(async(this::changeGuildSettings));
    }

    private Future<?> changeSettings(RoutingContext ctx) {
        long userId = Authenticator.principal(ctx).userId();
        UserSettingsChange change = UserSettingsInput.read(JsonInput.of(ctx));
        String id = UserSettingsMessages.settingsId(userId);
        return g.services().commands().<Long>send(new UpdateUserSettings(id, userId, change, Instant.now()))
                .compose(version -> version == null ? Future.<Void>succeededFuture()
                        : g.caughtUp(UserSettingsProjection.GROUP, id, version))
                .compose(v -> settings.userSettings(userId))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> guildSettings(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = Authenticator.principal(ctx).userId();
        return requireMember(guildId, userId)
                .compose(v -> settings.guildSettings(userId, guildId))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> changeGuildSettings(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = Authenticator.principal(ctx).userId();
        GuildSettingsChange change = GuildSettingsInput.read(JsonInput.of(ctx));
        String id = GuildSettingsMessages.guildSettingsId(userId, guildId);
        return requireMember(guildId, userId)
                .compose(v -> g.guilds().channels(guildId))
                .compose(channels -> {
                    requireGuildChannels(change.channelOverrides(), channels);
                    return g.services().commands().<Long>send(new UpdateGuildSettings(id, userId, guildId, change,
                            Instant.now()));
                })
                .compose(version -> version == null ? Future.<Void>succeededFuture()
                        : g.caughtUp(GuildSettingsProjection.GROUP, id, version))
                .compose(v -> settings.guildSettings(userId, guildId))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<Void> requireMember(long guildId, long userId) {
        return g.members().member(guildId, userId).map(member -> {
            if (member.isEmpty()) {
                throw new ApiException(ErrorCode.UNKNOWN_GUILD);
            }
            return null;
        });
    }

    private static void requireGuildChannels(List<OverrideChange> overrides, List<ChannelRecord> channels) {
        Set<Long> inGuild = channels.stream().map(ChannelRecord::id).collect(Collectors.toSet());
        List<FieldError> errors = overrides.stream().filter(o -> !inGuild.contains(o.channelId()))
                .map(o -> new FieldError("channel_overrides." + o.channelId(), "Unknown channel in this guild"))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
