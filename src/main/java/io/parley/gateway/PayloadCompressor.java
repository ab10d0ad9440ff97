package io.parley.gateway;

import io.vertx.core.buffer.Buffer;

/** A per-connection compression stream for server payloads ({@code compress=} on the connect URL). */
interface PayloadCompressor {
    Buffer compress(String json);

    void close();

    /** The compressor for a {@code compress} value; null for none. Unknown values are refused before this. */
    static PayloadCompressor of(String compress) {
        if ("zlib-stream".equals(compress)) {
            return new ZlibStream();
        }
        if ("zstd-stream".equals(compress)) {
            return new ZstdStream();
        }
        return null;
    }
}
