package io.parley.emoji;

import io.parley.http.RouteModule;
import io.parley.media.MediaStore;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import static io.parley.http.Handlers.async;

/**
 * Emoji images at {@code /emojis/{id}.{png|gif|webp|jpg}}, at the root and without auth like
 * Discord's CDN. The stored type is served whatever extension is asked for (no transcoding).
 */
public final class EmojiImageRoutes implements RouteModule {
    private final EmojiQueries emojis;
    private final MediaStore media;

    public EmojiImageRoutes(EmojiQueries emojis, MediaStore media) {
        this.emojis = emojis;
        this.media = media;
    }

    static String mediaKey(long emojiId) {
        return "emojis/" + emojiId;
    }

    @Override
    public void mount(Router root) {
        root.getWithRegex("/emojis/([0-9]{1,20})\\.(png|gif|webp|jpg|jpeg)").handler(async(this::serve));
    }

    private Future<?> serve(RoutingContext ctx) {
        long emojiId;
        try {
            emojiId = Long.parseLong(ctx.pathParam("param0"));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        return emojis.emoji(emojiId).compose(found -> {
            EmojiRecord emoji = found.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
            return media.open(mediaKey(emojiId)).compose(opened -> {
                var file = opened.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, emoji.contentType())
                        .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(file.size()))
                        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
                return file.content().pipeTo(ctx.response()).eventually(file::close);
            });
        });
    }
}
