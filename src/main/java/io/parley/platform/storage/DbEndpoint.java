package io.parley.platform.storage;

import io.parley.platform.config.ConfigException;
import io.parley.platform.config.ParleyConfig;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Where PostgreSQL is and who Parley is there: one value for both JDBC and the reactive client. */
public record DbEndpoint(String host, int port, String database, String user, String password) {

    /** Parses {@code postgresql://user:pass@host:port/db} (a {@code jdbc:} prefix is accepted). */
    public static DbEndpoint fromConfig(ParleyConfig.Db db) {
        String raw = db.url().orElseThrow();
        String withoutJdbc = raw.startsWith("jdbc:") ? raw.substring(5) : raw;
        URI uri;
        try {
            uri = URI.create(withoutJdbc);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw invalid("the scheme must be postgresql://");
        }
        if (uri.getHost() == null) {
            throw invalid("no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        return new DbEndpoint(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? "postgres" : path,
                db.user().orElse(user), db.password().orElse(password));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static ConfigException invalid(String why) {
        return new ConfigException("configuration key 'db.url' is not a PostgreSQL URL "
                + "(postgresql://user:password@host:port/database): " + why);
    }
}
