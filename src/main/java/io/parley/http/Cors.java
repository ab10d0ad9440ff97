package io.parley.http;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;

/**
 * CORS for web clients served from another origin ({@code http.cors_origins}). A preflight from a
 * listed origin is answered 204 here; one from any other origin gets 403 CORS_ORIGIN_NOT_ALLOWED.
 * Other requests pass through, carrying Allow-Origin and Expose-Headers only for a listed origin
 * (a same-origin request of the bundled web client needs neither). Tokens travel in the
 * Authorization header, never cookies, so Allow-Credentials is never sent, and "*" may answer as is.
 */
public final class Cors implements Handler<RoutingContext> {
    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = String.join(", ", "Authorization", "Content-Type", "X-Audit-Log-Reason",
            "X-Super-Properties", "X-Context-Properties", "X-Discord-Locale", "X-Discord-Timezone",
            "X-Fluxer-Platform", "X-Debug-Options", "X-Requested-With");
    static final String EXPOSE_HEADERS = String.join(", ", "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket", "X-RateLimit-Global",
            "X-RateLimit-Scope", "Retry-After", "X-Request-Id");

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String maxAge;

    private Cors(List<String> origins, int maxAgeSeconds) {
        this.origins = Set.copyOf(origins);
        this.anyOrigin = origins.contains("*");
        this.maxAge = Integer.toString(maxAgeSeconds);
    }

    /** Null when no origin is configured: no CORS handling at all. */
    public static Cors of(List<String> origins, int maxAgeSeconds) {
        return origins.isEmpty() ? null : new Cors(origins, maxAgeSeconds);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader("Access-Control-Request-Method") != null;
        if (origin == null) {
            ctx.next();
            return;
        }
        HttpServerResponse response = ctx.response();
        response.putHeader("Vary", "Origin");
        boolean allowed = anyOrigin || origins.contains(origin);
        if (preflight && !allowed) {
            ctx.fail(new ApiException(ErrorCode.CORS_ORIGIN_NOT_ALLOWED));
            return;
        }
        if (allowed) {
            response.putHeader("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        }
        if (preflight) {
            response.putHeader("Access-Control-Allow-Methods", ALLOW_METHODS)
                    .putHeader("Access-Control-Allow-Headers", ALLOW_HEADERS)
                    .putHeader("Access-Control-Max-Age", maxAge)
                    .setStatusCode(204).end();
            return;
        }
        if (allowed) {
            response.putHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
        ctx.next();
    }
}
