package io.parley.http;

import io.vertx.ext.web.Router;

import java.util.List;

/**
 * One feature's REST routes. {@link ParleyRouter} mounts API modules under every base path and
 * root modules (the attachment files) at the root.
 */
public interface RouteModule {
    void mount(Router router);

    /** Paths of this module whose POST may carry a multipart upload the route reads itself ({@link MultipartBody}). */
    default List<String> uploadPaths() {
        return List.of();
    }
}
