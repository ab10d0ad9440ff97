package io.parley.sticker;

import io.parley.http.JsonInput;
import io.parley.http.MultipartBody;
import io.parley.media.ImageDataUri;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The fields and image of a sticker being created: multipart {@code name}, {@code description},
 * {@code tags} and one {@code file} part (what Discord clients send), or a JSON body with the
 * image as a data URI in {@code image} (what Parley takes for emojis and avatars).
 */
record StickerUpload(JsonInput input, String imageField, byte[] image) {

    /** Read only after the caller's permission is checked: the multipart body is not read before. */
    static Future<StickerUpload> read(RoutingContext ctx, ParleyConfig config) {
        int maxBytes = config.expressions().stickerBytes();
        if (!MultipartBody.isMultipart(ctx.request())) {
            JsonInput input = JsonInput.of(ctx);
            ImageDataUri image = ImageDataUri.parse(input, "image",
                    input.requiredString("image", 1, Integer.MAX_VALUE), maxBytes);
            return Future.succeededFuture(new StickerUpload(input, "image", image == null ? null : image.bytes()));
        }
        MultipartBody.Limits limits = new MultipartBody.Limits(1, maxBytes,
                (long) maxBytes + config.http().bodyLimitBytes());
        return MultipartBody.read(ctx, config.uploadsDir(), limits).compose(body -> {
            JsonObject fields = new JsonObject();
            for (String name : new String[]{"name", "description", "tags"}) {
                if (body.field(name) != null) {
                    fields.put(name, body.field(name));
                }
            }
            JsonInput input = JsonInput.of(Buffer.buffer(fields.encode()));
            var file = body.files().stream().filter(f -> f.name().equals("file")).findFirst();
            if (file.isEmpty()) {
                input.error("file", "This field is required");
                return Future.succeededFuture(new StickerUpload(input, "file", null));
            }
            return ctx.vertx().fileSystem().readFile(file.get().path())
                    .map(bytes -> new StickerUpload(input, "file", bytes.getBytes()));
        });
    }

    /** The image's format; null after recording why on {@link #input()} when it is not a sticker image. */
    StickerFormat format() {
        if (image == null) {
            return null;
        }
        StickerFormat format = StickerFormat.of(image);
        if (format == null) {
            input.error(imageField, "Stickers are PNG, APNG or GIF images");
        }
        return format;
    }
}
