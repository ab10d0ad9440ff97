package io.parley.http;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.platform.error.FieldError;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every query parameter of every request before any route reads one: a value that is
 * not valid percent-encoding, or text {@link TextRules} refuses, is 400 INVALID_FORM_BODY naming
 * the parameter, so no route passes it on to a query or a command.
 */
final class QueryTextGuard {
    private QueryTextGuard() {
    }

    static void handle(RoutingContext ctx) {
        if (ctx.request().query() == null) {
            ctx.next();
            return;
        }
        MultiMap params;
        try {
            params = ctx.queryParams();
        } catch (IllegalArgumentException e) {
            ctx.fail(ApiException.invalid(undecodable(ctx.request().query()), "Not valid percent-encoded UTF-8"));
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> param : params) {
            if (TextRules.problem(param.getKey(), false) != null) {
                errors.add(new FieldError("query", "Parameter names " + TextRules.problem(param.getKey(), false)
                        .replaceFirst("^Must", "must")));
                continue;
            }
            String problem = TextRules.problem(param.getValue(), true);
            if (problem != null) {
                errors.add(new FieldError(param.getKey(), problem));
            }
        }
        if (errors.isEmpty()) {
            ctx.next();
        } else {
            ctx.fail(ApiException.invalid(errors));
        }
    }

    /**
     * What to answer when Vert.x Web refused the request with a bare 400 because its path or query
     * is not valid percent-encoding (it decodes both before any handler runs); null when it is valid.
     */
    static ApiException undecodable(HttpServerRequest request) {
        String query = request.query();
        if (query != null && !decodes(query)) {
            return ApiException.invalid(undecodable(query), "Not valid percent-encoded UTF-8");
        }
        String path = request.path();
        if (path != null && !decodes(path.replace("+", "%2B"))) {
            return new ApiException(ErrorCode.MALFORMED_REQUEST, "The path is not valid percent-encoding");
        }
        return null;
    }

    private static boolean decodes(String text) {
        try {
            URLDecoder.decode(text, StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The name of the first parameter whose encoding is broken, or "query" when the names are too. */
    private static String undecodable(String query) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            try {
                URLDecoder.decode(pair, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return name.matches("[A-Za-z0-9_]+") ? name : "query";
            }
        }
        return "query";
    }
}
