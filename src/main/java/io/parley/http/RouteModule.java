package io.parley.http;

import io.vertx.ext.web.Router;

/** One feature's REST routes, mounted on the API router under every base path. */
public interface RouteModule {
    void mount(Router api);
}
