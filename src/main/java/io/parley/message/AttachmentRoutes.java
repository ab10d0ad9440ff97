package io.parley.message;

import io.parley.http.PathIds;
import io.parley.http.RouteModule;
import io.parley.media.MediaFile;
import io.parley.media.MediaStore;
import io.parley.media.MediaTypes;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;

import static io.parley.http.Handlers.async;

/**
 * Attachment files at {@code /attachments/{channel_id}/{attachment_id}/{filename}}, at the root
 * and without auth like Discord's CDN: the ids are the secret. Files that could run script in a
 * browser (HTML, SVG, JavaScript, anything not known to be inert) are only ever downloads.
 */
public final class AttachmentRoutes implements RouteModule {
    private static final String PATH = "/attachments";

    private final MessageQueries messages;
    private final MediaStore media;

    public AttachmentRoutes(MessageQueries messages, MediaStore media) {
        this.messages = messages;
        this.media = media;
    }

    /** Root-relative, as the message object carries it. */
    static String url(long channelId, long attachmentId, String filename) {
        return PATH + "/" + channelId + "/" + attachmentId + "/" + percentEncode(filename);
    }

    /** Where the file is kept; the name is not part of it. */
    static String mediaKey(long channelId, long attachmentId) {
        return channelId + "/" + attachmentId;
    }

    @Override
    public void mount(Router root) {
        root.get(PATH + "/:channelId/:attachmentId/:filename").handler(async(this::serve));
    }

    private Future<?> serve(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.NOT_FOUND);
        long attachmentId = PathIds.of(ctx, "attachmentId", ErrorCode.NOT_FOUND);
        String filename = ctx.pathParam("filename");
        return messages.attachment(channelId, attachmentId).compose(found -> {
            Attachment attachment = found.filter(a -> a.filename().equals(filename))
                    .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
            return media.open(mediaKey(channelId, attachmentId)).compose(file -> send(ctx, attachment,
                    file.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND))));
        });
    }

    private static Future<Void> send(RoutingContext ctx, Attachment attachment, MediaFile file) {
        String type = attachment.contentType() == null ? MediaTypes.OCTET_STREAM : attachment.contentType();
        HttpServerResponse response = ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(file.size()))
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Disposition", disposition(type, attachment.filename()))
                // Compression would drop Content-Length; media is compressed already.
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        return file.content().pipeTo(response).eventually(file::close);
    }

    static String disposition(String contentType, String filename) {
        String fallback = filename.codePoints()
                .map(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '%' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return (MediaTypes.isInline(contentType) ? "inline" : "attachment")
                + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + percentEncode(filename);
    }

    /** Every byte outside RFC 3986's unreserved set as %XX: safe in a path segment and in RFC 8187's filename*. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
