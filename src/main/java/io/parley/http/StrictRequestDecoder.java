package io.parley.http;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.VertxConnection;

/**
 * Vert.x's HTTP/1.x request decoder, marking a request that carries both Content-Length and
 * Transfer-Encoding: chunked. Netty drops the Content-Length and reads the body as chunked, which
 * RFC 9112 allows, but a proxy in front that trusts the Content-Length would then see a different
 * request boundary than Parley (request smuggling). The mark lets {@link InvalidRequests#refuseAmbiguousFraming}
 * answer 400 MALFORMED_REQUEST and close the connection before any route runs.
 *
 * <p>Vert.x offers no option for this, so the decoder is swapped in on each new connection
 * through Vert.x internals; HttpCodecEdgeTest fails if an upgrade changes them.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {
    private static final String DECODER = "httpDecoder";
    /** Set by this decoder; a client sending it itself is refused like a conflicting request. */
    static final String FRAMING_CONFLICT = "X-Parley-Framing-Conflict";

    StrictRequestDecoder(HttpServerOptions options) {
        super(options);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        super.handleTransferEncodingChunkedWithContentLength(message);
        message.headers().set(FRAMING_CONFLICT, "true");
    }

    /** Puts this decoder in place of Vert.x's on a new HTTP/1.x connection (no byte has been read yet). */
    static void install(HttpConnection connection, HttpServerOptions options) {
        if (!(connection instanceof VertxConnection vertx)) {
            return;
        }
        ChannelPipeline pipeline = vertx.channelHandlerContext().pipeline();
        if (pipeline.get(DECODER) instanceof VertxHttpRequestDecoder current && !(current instanceof StrictRequestDecoder)) {
            pipeline.replace(DECODER, DECODER, new StrictRequestDecoder(options));
        }
    }
}
