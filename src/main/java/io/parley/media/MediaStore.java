package io.parley.media;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.util.Optional;

/**
 * Where uploaded files live, by key: a relative path of segments made of letters, digits,
 * {@code . _ -} (never starting with a dot), such as {@code 123/456}. A key that could leave
 * the store is refused with {@link IllegalArgumentException}. Every operation is asynchronous.
 */
public interface MediaStore {

    /** Stores {@code bytes} under {@code key}, replacing what was there; readers never see a partial file. */
    Future<Void> put(String key, Buffer bytes);

    /** Like {@link #put(String, Buffer)} but streams {@code content} to its end; the caller closes its source. */
    Future<Void> put(String key, ReadStream<Buffer> content);

    /** The file under {@code key} opened for reading, or empty when there is none. */
    Future<Optional<MediaFile>> open(String key);

    /** Removes the file under {@code key}; a missing file is not an error. */
    Future<Void> delete(String key);
}
