package io.parley.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Routes match on the path as written, so {@code /users/%40me} would miss {@code /users/@me}:
 * clients (discord.js among them) percent-encode path segments. Escapes of unreserved characters
 * and {@code @} are decoded before routing (RFC 3986 says they are equivalent); every other escape,
 * {@code %2F} and {@code %25} above all, stays, so a segment never splits or decodes twice.
 */
public final class EncodedPaths {
    private EncodedPaths() {
    }

    /** The first handler: reroutes a request whose path has such an escape to its decoded path. */
    public static void decode(RoutingContext ctx) {
        String path = ctx.request().path();
        String decoded = path == null ? null : decoded(path);
        if (decoded == null || decoded.equals(path)) {
            ctx.next();
            return;
        }
        String query = ctx.request().query();
        ctx.reroute(ctx.request().method(), query == null ? decoded : decoded + "?" + query);
    }

    static String decoded(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int high = hex(path.charAt(i + 1));
                int low = hex(path.charAt(i + 2));
                if (high >= 0 && low >= 0 && decodable((char) (high * 16 + low))) {
                    out.append((char) (high * 16 + low));
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean decodable(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '@';
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
