package io.parley.web;

import io.parley.http.RouteModule;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * The browser client, served from the jar ({@code webroot/}) on the API's port. Its pages are the
 * client's own routes only (listed, never a catch-all), so an unknown path anywhere else stays the
 * API's JSON 404 and no operational or API route can be shadowed.
 */
public final class WebClientRoutes implements RouteModule {
    static final String WEBROOT = "webroot";
    static final String ASSETS = "/assets";
    /** Paths the client's router understands; each answers with index.html. */
    static final List<String> PAGES = List.of("/", "/login", "/register");
    static final List<String> PAGE_PREFIXES = List.of("/invite/", "/channels/");

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "connect-src 'self' ws: wss:",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final WebAssets assets;

    /** Reads the files now (blocking, at start), never on an event loop. */
    public WebClientRoutes() {
        this.assets = WebAssets.load(WEBROOT);
        assets.find("/index.html").orElseThrow(() -> new IllegalStateException("webroot/index.html is missing"));
    }

    @Override
    public void mount(Router root) {
        PAGES.forEach(path -> root.get(path).handler(ctx -> send(ctx, "/index.html")));
        PAGE_PREFIXES.forEach(prefix -> root.get(prefix + "*").handler(ctx -> send(ctx, "/index.html")));
        root.get(ASSETS + "/*").handler(ctx -> send(ctx, ctx.normalizedPath()));
    }

    private void send(RoutingContext ctx, String path) {
        var found = path.contains("..") ? java.util.Optional.<WebAssets.Asset>empty() : assets.find(path);
        if (found.isEmpty()) {
            ctx.next();
            return;
        }
        WebAssets.Asset asset = found.get();
        HttpServerResponse response = ctx.response();
        secureHeaders(response);
        // Files are not content-hashed (no build step), so each load revalidates by ETag.
        response.putHeader("Cache-Control", "no-cache").putHeader("ETag", asset.etag());
        if (asset.etag().equals(ctx.request().getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader("Content-Type", asset.contentType()).end(asset.body());
    }

    /** The browser's defences on every client file. */
    private static void secureHeaders(HttpServerResponse response) {
        response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin");
    }
}
