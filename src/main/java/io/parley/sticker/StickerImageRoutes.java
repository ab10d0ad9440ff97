package io.parley.sticker;

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
 * Sticker images at {@code /stickers/{id}.{png|gif|webp}}, at the root and without auth like
 * Discord's CDN. The stored type is served whatever extension is asked for (no transcoding).
 */
public final class StickerImageRoutes implements RouteModule {
    private final StickerQueries stickers;
    private final MediaStore media;

    public StickerImageRoutes(StickerQueries stickers, MediaStore media) {
        this.stickers = stickers;
        this.media = media;
    }

    static String mediaKey(long stickerId) {
        return "stickers/" + stickerId;
    }

    @Override
    public void mount(Router root) {
        root.getWithRegex("/stickers/([0-9]{1,20})\\.(png|gif|webp)").handler(async(this::serve));
    }

    private Future<?> serve(RoutingContext ctx) {
        long stickerId;
        try {
            stickerId = Long.parseLong(ctx.pathParam("param0"));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        return stickers.sticker(stickerId).compose(found -> {
            StickerRecord sticker = found.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
            return media.open(mediaKey(stickerId)).compose(opened -> {
                var file = opened.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, sticker.contentType())
                        .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(file.size()))
                        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
                return file.content().pipeTo(ctx.response()).eventually(file::close);
            });
        });
    }
}
