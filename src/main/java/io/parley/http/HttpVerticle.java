package io.parley.http;

import io.parley.gateway.Gateway;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** One HTTP server (REST and the WebSocket gateway) on this verticle's event loop; instances share the port. */
public final class HttpVerticle extends VerticleBase {
    private final HttpServerOptions options;
    private final Function<io.vertx.core.Vertx, Router> routerFactory;
    private final Gateway gateway;
    private HttpServer server;

    public HttpVerticle(HttpServerOptions options, Function<io.vertx.core.Vertx, Router> routerFactory,
                        Gateway gateway) {
        this.options = options;
        this.routerFactory = routerFactory;
        this.gateway = gateway;
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer(options)
                .webSocketHandshakeHandler(gateway.handshakeHandler())
                .webSocketHandler(gateway.connectionHandler())
                .connectionHandler(connection -> StrictRequestDecoder.install(connection, options))
                .invalidRequestHandler(InvalidRequests::answer)
                .requestHandler(routerFactory.apply(vertx));
        return server.listen();
    }

    /**
     * Stops accepting connections; requests in flight are answered, each HTTP/1.x connection
     * closing after its current response, and whatever is still open after {@code graceMs} is cut.
     */
    public Future<Void> shutdown(long graceMs) {
        return server == null ? Future.succeededFuture() : server.shutdown(graceMs, TimeUnit.MILLISECONDS);
    }

    public int actualPort() {
        return server.actualPort();
    }
}
