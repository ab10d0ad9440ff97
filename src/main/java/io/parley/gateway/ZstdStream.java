package io.parley.gateway;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code compress=zstd-stream} (Fluxer): one zstd stream per connection, flushed after each
 * payload so the client can decode it at once with one streaming context.
 */
final class ZstdStream implements PayloadCompressor {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ZstdOutputStreamNoFinalizer zstd;

    ZstdStream() {
        try {
            zstd = new ZstdOutputStreamNoFinalizer(out, 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Buffer compress(String json) {
        try {
            zstd.write(json.getBytes(StandardCharsets.UTF_8));
            zstd.flush();
            Buffer frame = Buffer.buffer(out.toByteArray());
            out.reset();
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            zstd.close();
        } catch (IOException ignored) {
            // the connection is gone; nothing to flush to
        }
    }
}
