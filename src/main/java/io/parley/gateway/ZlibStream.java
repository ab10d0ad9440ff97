package io.parley.gateway;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * {@code compress=zlib-stream}: one zlib stream per connection, each payload ending in a sync
 * flush (the 00 00 ff ff suffix clients look for), so a client inflates with one context.
 */
final class ZlibStream implements PayloadCompressor {
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final byte[] chunk = new byte[8192];

    @Override
    public Buffer compress(String json) {
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        Buffer out = Buffer.buffer();
        int written;
        do {
            written = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
            out.appendBytes(chunk, 0, written);
        } while (written == chunk.length);
        return out;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
