package io.parley.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.List;

/**
 * The whole HTTP surface: operational routes and attachment files at the root and the API under
 * each base path API.md names, with every failure (including unknown routes and methods) in its
 * error format. JSON bodies are limited to {@code http.body_limit_bytes}; only the upload routes
 * accept a larger multipart body, read by the route after its checks ({@link DeferredBodies}).
 */
public final class ParleyRouter {
    static final List<String> API_BASES = List.of("/v1", "/api/v1", "/api/v10");

    private ParleyRouter() {
    }

    public static Router create(Vertx vertx, int bodyLimitBytes, long uploadLimitBytes, long bodyTimeoutMs,
                                HealthRoute health,
                                PrometheusMeterRegistry metrics, List<RouteModule> modules,
                                List<RouteModule> rootModules, Cors cors) {
        Router root = Router.router(vertx);
        root.route().handler(EncodedPaths::decode);
        root.route().handler(RequestIds::assign);
        if (cors != null) {
            // before every route: a preflight is answered here, not as OPTIONS of a route (405)
            root.route().handler(cors);
        }
        root.route().handler(InvalidRequests::refuseAmbiguousFraming);
        root.route().handler(QueryTextGuard::handle);
        root.route().handler(AuditReasonHeader::read);
        for (String base : API_BASES) {
            modules.forEach(module -> module.uploadPaths()
                    .forEach(path -> root.post(base + path).handler(DeferredBodies.defer(uploadLimitBytes))));
        }
        root.route().handler(RequestBodyTimeout.of(bodyTimeoutMs));
        root.route().handler(DeferredBodies.unlessDeferred(BodyHandler.create(false).setBodyLimit(bodyLimitBytes)));
        root.get("/_health").handler(health);
        root.get("/metrics").handler(PrometheusScrapingHandler.create(metrics));
        for (String base : API_BASES) {
            Router api = Router.router(vertx);
            modules.forEach(module -> module.mount(api));
            api.route().failureHandler(ErrorResponder::handle);
            root.route(base + "/*").subRouter(api);
        }
        rootModules.forEach(module -> module.mount(root));
        root.route().failureHandler(ErrorResponder::handle);
        for (int status : new int[]{400, 404, 405, 413, 415, 500}) {
            root.errorHandler(status, ErrorResponder::handle);
        }
        return root;
    }
}
