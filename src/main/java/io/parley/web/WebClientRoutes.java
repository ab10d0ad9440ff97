package io.parley.web;

import io.parley.http.RouteModule;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

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

    @Override
    public void mount(Router root) {
        PAGES.forEach(path -> root.get(path).handler(WebClientRoutes::page));
        PAGE_PREFIXES.forEach(prefix -> root.get(prefix + "*").handler(WebClientRoutes::page));
        root.get(ASSETS + "/*").handler(ctx -> {
                    secureHeaders(ctx);
                    ctx.next();
                })
                .handler(StaticHandler.create(WEBROOT + ASSETS)
                        .setDirectoryListing(false)
                        .setIncludeHidden(false)
                        .setDefaultContentEncoding("UTF-8"));
    }

    private static void page(RoutingContext ctx) {
        secureHeaders(ctx);
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .sendFile(WEBROOT + "/index.html")
                .onFailure(ctx::fail);
    }

    /**
     * The browser's defences for every client file. Files are small and unhashed, so they are
     * revalidated on each load (Last-Modified / 304) rather than cached blindly.
     */
    private static void secureHeaders(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin");
        ctx.addHeadersEndHandler(v -> response.headers().set("Cache-Control", "no-cache"));
    }
}
