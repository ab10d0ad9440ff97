package io.parley.media;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.util.function.Supplier;

/** A stored file opened for reading: read {@code content} once, then {@link #close()} it. */
public record MediaFile(long size, ReadStream<Buffer> content, Supplier<Future<Void>> closer) {

    public Future<Void> close() {
        return closer.get();
    }
}
