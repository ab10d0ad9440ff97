package io.parley.http;

import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body that {@link DeferredBodies} left unread, read once the
 * route has checked who is sending: fields in memory, each file streamed to a temporary file
 * under {@code <data.dir>/uploads}. Limits are enforced while the bytes arrive, and the
 * temporary files are deleted when the reply has been sent, whatever happened.
 */
public final class MultipartBody {
    private final MultiMap fields;
    private final List<FilePart> files;

    /** One file part in arrival order; {@code path} is its temporary file, gone after the reply. */
    public record FilePart(String name, String filename, String path, long size) {
    }

    /** At most {@code maxFiles} file parts of {@code maxFileBytes} each, {@code maxBodyBytes} for the whole body. */
    public record Limits(int maxFiles, long maxFileBytes, long maxBodyBytes) {
    }

    private MultipartBody(MultiMap fields, List<FilePart> files) {
        this.fields = fields;
        this.files = files;
    }

    public static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Reads the rest of the request: 413 for a file or body over its limit, 400 for too many files. */
    public static Future<MultipartBody> read(RoutingContext ctx, Path tempDir, Limits limits) {
        if (!DeferredBodies.isDeferred(ctx)) {
            return Future.failedFuture(new IllegalStateException("not an upload route: " + ctx.request().path()));
        }
        FileSystem fs = ctx.vertx().fileSystem();
        return fs.mkdirs(tempDir.toString()).compose(v -> new Reader(ctx, fs, tempDir, limits).start());
    }

    public String field(String name) {
        return fields.get(name);
    }

    public List<FilePart> files() {
        return files;
    }

    private static final class Reader {
        private final RoutingContext ctx;
        private final HttpServerRequest request;
        private final FileSystem fs;
        private final Path dir;
        private final Limits limits;
        private final Promise<MultipartBody> result = Promise.promise();
        private final List<Receiving> parts = new ArrayList<>();
        private int writing;
        private boolean ended;
        private boolean settled;
        private boolean cleanedUp;

        Reader(RoutingContext ctx, FileSystem fs, Path dir, Limits limits) {
            this.ctx = ctx;
            this.request = ctx.request();
            this.fs = fs;
            this.dir = dir;
            this.limits = limits;
        }

        Future<MultipartBody> start() {
            // Not addEndHandler alone: Vert.x Web also runs end handlers when the request body fails to decode,
            // before any reply, while this reader may still be writing.
            ctx.addBodyEndHandler(v -> cleanUp());
            ctx.addEndHandler(done -> {
                if (ctx.response().closed()) {
                    cleanUp();
                }
            });
            request.setExpectMultipart(true);
            request.exceptionHandler(this::malformed);
            request.handler(chunk -> {
                if (request.bytesRead() > limits.maxBodyBytes()) {
                    fail(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE));
                }
            });
            request.uploadHandler(this::receive);
            request.endHandler(v -> {
                ended = true;
                finishIfDone();
            });
            DeferredBodies.bodyWanted(ctx);
            request.resume();
            return result.future();
        }

        private void receive(HttpServerFileUpload upload) {
            if (settled) {
                discard(upload);
                return;
            }
            if (parts.size() >= limits.maxFiles()) {
                discard(upload);
                fail(ApiException.invalid("files", "At most " + limits.maxFiles() + " files per request"));
                return;
            }
            Receiving part = new Receiving(upload.name(), upload.filename(),
                    dir.resolve(UUID.randomUUID().toString()).toString());
            parts.add(part);
            writing++;
            // Paused until its file is open, so no byte is dropped meanwhile.
            upload.pause();
            fs.open(part.path, new OpenOptions().setWrite(true).setCreateNew(true)).onComplete(opened -> {
                if (opened.failed()) {
                    writing--;
                    discard(upload);
                    fail(opened.cause());
                } else if (settled || cleanedUp) {
                    writing--;
                    opened.result().close().onComplete(closed -> fs.delete(part.path));
                    discard(upload);
                } else {
                    stream(upload, part, opened.result());
                }
            });
        }

        private void stream(HttpServerFileUpload upload, Receiving part, AsyncFile file) {
            part.file = file;
            file.exceptionHandler(this::fail);
            upload.handler(chunk -> {
                if (settled || part.file == null) {
                    return;
                }
                part.size += chunk.length();
                if (part.size > limits.maxFileBytes()) {
                    fail(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "File " + part.name + " is larger than "
                            + limits.maxFileBytes() + " bytes"));
                    return;
                }
                file.write(chunk);
                if (file.writeQueueFull()) {
                    upload.pause();
                    file.drainHandler(v -> upload.resume());
                }
            });
            upload.exceptionHandler(this::malformed);
            upload.endHandler(v -> close(part).onComplete(closed -> {
                writing--;
                if (closed.failed()) {
                    fail(closed.cause());
                } else {
                    finishIfDone();
                }
            }));
            upload.resume();
        }

        private void finishIfDone() {
            if (ended && writing == 0 && !settled) {
                settled = true;
                result.complete(new MultipartBody(request.formAttributes(), parts.stream()
                        .map(p -> new FilePart(p.name, p.filename, p.path, p.size)).toList()));
            }
        }

        /** Netty's decoder failed: a field over {@code maxFormAttributeSize}, too many fields, or a broken body. */
        private void malformed(Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof HttpPostRequestDecoder.TooLongFormFieldException
                        || (t instanceof IOException && String.valueOf(t.getMessage()).startsWith("Size exceed"))) {
                    fail(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A form field is too large"));
                    return;
                }
            }
            fail(new ApiException(ErrorCode.INVALID_FORM_BODY, "The multipart body could not be read"));
        }

        private void fail(Throwable cause) {
            if (!settled) {
                settled = true;
                result.fail(cause);
            }
        }

        private void cleanUp() {
            if (cleanedUp) {
                return;
            }
            cleanedUp = true;
            Future.join(parts.stream().map(Reader::close).toList())
                    .onComplete(v -> parts.forEach(p -> fs.delete(p.path)));
        }

        private static Future<Void> close(Receiving part) {
            AsyncFile file = part.file;
            part.file = null;
            return file == null ? Future.succeededFuture() : file.close();
        }

        private static void discard(HttpServerFileUpload upload) {
            upload.handler(chunk -> {
            });
            upload.exceptionHandler(e -> {
            });
            upload.endHandler(v -> {
            });
            upload.resume();
        }
    }

    private static final class Receiving {
        final String name;
        final String filename;
        final String path;
        long size;
        AsyncFile file;

        Receiving(String name, String filename, String path) {
            this.name = name;
            this.filename = filename;
            this.path = path;
        }
    }
}
