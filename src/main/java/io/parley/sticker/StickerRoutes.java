package io.parley.sticker;

import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.sticker.StickerCommands.CreateSticker;
import io.parley.sticker.StickerCommands.DeleteSticker;
import io.parley.sticker.StickerCommands.UpdateSticker;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;

import static io.parley.http.Handlers.async;

/** Guild stickers: any member lists and reads them; MANAGE_EXPRESSIONS creates, modifies and deletes. */
public final class StickerRoutes implements RouteModule {
    private final GuildContext g;
    private final StickerQueries stickers;

    public StickerRoutes(GuildContext g, StickerQueries stickers) {
        this.g = g;
        this.stickers = stickers;
    }

    @Override
    public List<String> uploadPaths() {
        return List.of("/guilds/:guildId/stickers");
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/guilds/:guildId/stickers").handler(auth).handler(async(this::list));
        api.get("/guilds/:guildId/stickers/:stickerId").handler(auth).handler(async(this::get));
        api.post("/guilds/:guildId/stickers").handler(auth).handler(async(this::create));
        api.patch("/guilds/:guildId/stickers/:stickerId").handler(auth).handler(async(this::modify));
        api.delete("/guilds/:guildId/stickers/:stickerId").handler(auth).handler(async(this::delete));
        api.get("/stickers/:stickerId").handler(auth).handler(async(this::getAnywhere));
        api.get("/sticker-packs").handler(auth).handler(async(ctx ->
                Replies.json(ctx, 200, new JsonObject().put("sticker_packs", new JsonArray()))));
    }

    private Future<?> list(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor -> {
            boolean manager = Permission.has(actor.permissions(), Permission.MANAGE_EXPRESSIONS);
            return stickers.ofGuild(guildId).compose(list -> {
                JsonArray array = new JsonArray();
                list.forEach(s -> array.add(s.toJson(manager)));
                return Replies.json(ctx, 200, array);
            });
        });
    }

    private Future<?> get(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long stickerId = PathIds.of(ctx, "stickerId", ErrorCode.UNKNOWN_STICKER);
        return g.access().member(guildId, Authenticator.principal(ctx).userId()).compose(actor ->
                ofGuild(guildId, stickerId).compose(sticker -> Replies.json(ctx, 200,
                        sticker.toJson(Permission.has(actor.permissions(), Permission.MANAGE_EXPRESSIONS)))));
    }

    /** {@code GET /stickers/{id}}: a guild sticker is shown to members of its guild only (no public packs). */
    private Future<?> getAnywhere(RoutingContext ctx) {
        long stickerId = PathIds.of(ctx, "stickerId", ErrorCode.UNKNOWN_STICKER);
        long userId = Authenticator.principal(ctx).userId();
        return stickers.sticker(stickerId).compose(found -> {
            StickerRecord sticker = found.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_STICKER));
            return g.access().member(sticker.guildId(), userId)
                    .recover(e -> Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_STICKER)))
                    .compose(actor -> Replies.json(ctx, 200, sticker.toJson(false)));
        });
    }

    private Future<?> create(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long userId = Authenticator.principal(ctx).userId();
        var config = g.services().config();
        return g.access().member(guildId, userId).compose(actor -> {
            actor.require(Permission.MANAGE_EXPRESSIONS);
            return StickerUpload.read(ctx, config);
        }).compose(upload -> {
            JsonInput input = upload.input();
            String name = input.requiredString("name", 2, 30);
            String description = description(input);
            String tags = input.requiredString("tags", 1, 200);
            StickerFormat format = upload.format();
            input.done();
            long stickerId = g.services().snowflakes().next();
            String key = StickerImageRoutes.mediaKey(stickerId);
            return g.services().media().put(key, Buffer.buffer(upload.image()))
                    .compose(v -> g.services().commands().<Long>send(new CreateSticker(GuildStickers.aggregateId(guildId),
                            guildId, stickerId, name, description == null || description.isEmpty() ? null : description,
                            tags, format.type(), format.contentType(), userId, config.expressions().stickersPerGuild(),
                            Instant.now())))
                    .recover(e -> g.services().media().delete(key).transform(ignored -> Future.failedFuture(e)))
                    .compose(version -> g.caughtUp(StickerProjection.GROUP, GuildStickers.aggregateId(guildId), version))
                    .compose(v -> ofGuild(guildId, stickerId));
        }).compose(sticker -> Replies.json(ctx, 201, sticker.toJson(true)));
    }

    private Future<?> modify(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long stickerId = PathIds.of(ctx, "stickerId", ErrorCode.UNKNOWN_STICKER);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().member(guildId, userId).compose(actor -> {
            actor.require(Permission.MANAGE_EXPRESSIONS);
            JsonInput input = JsonInput.of(ctx);
            String name = input.has("name") ? input.requiredString("name", 2, 30) : null;
            String description = input.has("description") ? description(input) : null;
            String tags = input.has("tags") ? input.requiredString("tags", 1, 200) : null;
            input.done();
            String aggregate = GuildStickers.aggregateId(guildId);
            return ofGuild(guildId, stickerId)
                    .compose(s -> g.services().commands().<Long>send(new UpdateSticker(aggregate, stickerId, name,
                            input.has("description") && description == null ? "" : description, tags, userId,
                            Instant.now())))
                    .compose(version -> g.caughtUp(StickerProjection.GROUP, aggregate, version))
                    .compose(v -> ofGuild(guildId, stickerId));
        }).compose(sticker -> Replies.json(ctx, 200, sticker.toJson(true)));
    }

    private Future<?> delete(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        long stickerId = PathIds.of(ctx, "stickerId", ErrorCode.UNKNOWN_STICKER);
        long userId = Authenticator.principal(ctx).userId();
        String aggregate = GuildStickers.aggregateId(guildId);
        return g.access().member(guildId, userId).compose(actor -> {
            actor.require(Permission.MANAGE_EXPRESSIONS);
            return ofGuild(guildId, stickerId).compose(sticker -> g.services().commands().<Long>send(
                            new DeleteSticker(aggregate, stickerId, userId, Instant.now())))
                    .compose(version -> g.caughtUp(StickerProjection.GROUP, aggregate, version))
                    .compose(v -> g.services().media().delete(StickerImageRoutes.mediaKey(stickerId)));
        }).compose(v -> Replies.noContent(ctx));
    }

    /** Discord's rule: empty (none) or 2-100 characters; null when absent or empty. */
    private static String description(JsonInput input) {
        String description = input.optionalText("description", 0, 100);
        if (description != null && description.length() == 1) {
            input.error("description", "Must be empty or 2-100 characters");
        }
        return description == null || description.isEmpty() ? null : description;
    }

    private Future<StickerRecord> ofGuild(long guildId, long stickerId) {
        return stickers.sticker(stickerId).map(found -> found.filter(s -> s.guildId() == guildId)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_STICKER)));
    }
}
