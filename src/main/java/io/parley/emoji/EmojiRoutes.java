package io.parley.emoji;

import io.parley.emoji.EmojiCommands.CreateEmoji;
import io.parley.emoji.EmojiCommands.DeleteEmoji;
import io.parley.emoji.EmojiCommands.RenameEmoji;
import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.media.ImageDataUri;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.regex.Pattern;

import static io.parley.http.Handlers.async;

/** Guild custom emojis: any member lists and reads them; MANAGE_EXPRESSIONS creates, renames and deletes. */
public final class EmojiRoutes implements RouteModule {
    /** Discord's limits: 384 KiB per image, 50 static and 50 animated per guild. */
    static final int MAX_IMAGE_BYTES = 384 * 1024;
    static final int MAX_PER_KIND = 50;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{2,32}");

    private final GuildContext g;
    private final EmojiQueries emojis;

    public EmojiRoutes(GuildContext g, EmojiQueries emojis) {
        this.g = g;
        this.emojis = emojis;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/guilds/:guildId/emojis").handler(auth).handler(async(this::list));
        api.get("/guilds/:guildId/emojis/:emojiId").handler(auth).handler(async(this::get));
        api.post("/guilds/:guildId/emojis").handler(auth).handler(async(this::create));
        api.patch("/guilds/:guildId/emojis/:emojiId").handler(auth).handler(async(this::modify));
        api.delete("/guilds/:guildId/emojis/:emojiId").handler(auth).handler(async(this::delete));
    }

    private Future<?> list(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            boolean manager = Permission.has(actor.permissions(), Permission.MANAGE_EXPRESSIONS);
            return emojis.ofGuild(guildId).compose(list -> {
                JsonArray array = new JsonArray();
                list.forEach(e -> array.add(e.toJson(manager)));
                return Replies.json(ctx, 200, array);
            });
        });
    }

    private Future<?> get(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long emojiId = PathIds.of(ctx, "emojiId", ErrorCode.UNKNOWN_EMOJI);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor ->
                ofGuild(guildId, emojiId).compose(emoji -> Replies.json(ctx, 200,
                        emoji.toJson(Permission.has(actor.permissions(), Permission.MANAGE_EXPRESSIONS)))));
    }

    private Future<?> create(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().member(guildId, userId).compose(actor -> {
            actor.require(Permission.MANAGE_EXPRESSIONS);
            JsonInput input = JsonInput.of(ctx);
            String name = input.matching("name", input.requiredString("name", 2, 32), NAME,
                    "Only letters, digits and underscores");
            ImageDataUri image = ImageDataUri.parse(input, "image", input.requiredString("image", 1, Integer.MAX_VALUE),
                    MAX_IMAGE_BYTES);
            input.done();
            long emojiId = g.services().snowflakes().next();
            boolean animated = image.contentType().equals("image/gif");
            return g.services().media().put(EmojiImageRoutes.mediaKey(emojiId), Buffer.buffer(image.bytes()))
                    .compose(v -> g.services().commands().<Long>send(new CreateEmoji(GuildEmojis.aggregateId(guildId),
                            guildId, emojiId, name, animated, image.contentType(), userId, MAX_PER_KIND, Instant.now())))
                    .recover(e -> g.services().media().delete(EmojiImageRoutes.mediaKey(emojiId))
                            .transform(ignored -> Future.failedFuture(e)))
                    .compose(version -> g.caughtUp(EmojiProjection.GROUP, GuildEmojis.aggregateId(guildId), version))
                    .compose(v -> ofGuild(guildId, emojiId));
        }).compose(emoji -> Replies.json(ctx, 201, emoji.toJson(true)));
    }

    /** Only the name can change (role restrictions are not supported; see docs/api.md). */
    private Future<?> modify(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long emojiId = PathIds.of(ctx, "emojiId", ErrorCode.UNKNOWN_EMOJI);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().member(guildId, userId).compose(actor -> {
            actor.require(Permission.MANAGE_EXPRESSIONS);
            JsonInput input = JsonInput.of(ctx);
            String name = input.has("name") ? input.matching("name", input.requiredString("name", 2, 32), NAME,
                    "Only letters, digits and underscores") : null;
            input.done();
            return ofGuild(guildId, emojiId).compose(emoji -> name == null || name.equals(emoji.name())
                    ? Future.succeededFuture()
                    : g.services().commands().<Long>send(new RenameEmoji(GuildEmojis.aggregateId(guildId), emojiId, name,
                                    userId, Instant.now()))
                            .compose(version -> g.caughtUp(EmojiProjection.GROUP, GuildEmojis.aggregateId(guildId), version)))
                    .compose(v -> ofGuild(guildId, emojiId));
        }).compose(emoji -> Replies.json(ctx, 200, emoji.toJson(true)));
    }

    private Future<?> delete(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long emojiId = PathIds.of(ctx, "emojiId", ErrorCode.UNKNOWN_EMOJI);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().member(guildId, userId).compose(actor -> {
            actor.require(Permission.MANAGE_EXPRESSIONS);
            return ofGuild(guildId, emojiId).compose(emoji -> g.services().commands().<Long>send(
                            new DeleteEmoji(GuildEmojis.aggregateId(guildId), emojiId, userId, Instant.now())))
                    .compose(version -> g.caughtUp(EmojiProjection.GROUP, GuildEmojis.aggregateId(guildId), version))
                    .compose(v -> g.services().media().delete(EmojiImageRoutes.mediaKey(emojiId)));
        }).compose(v -> Replies.noContent(ctx));
    }

    private Future<EmojiRecord> ofGuild(long guildId, long emojiId) {
        return emojis.emoji(emojiId).map(found -> found.filter(e -> e.guildId() == guildId)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_EMOJI)));
    }
}
