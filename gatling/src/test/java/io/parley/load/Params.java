package io.parley.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The suite's parameters, read from system properties (-Dname=value on the mvn command line).
 * Every load loop is bounded by these counts and durations.
 */
public final class Params {
    private Params() {
    }

    /**
     * REST base, e.g. http://127.0.0.1:8080 (the /api/v10 prefix is added by the scenarios);
     * defaults to $PARLEY_URL, which with-parley.sh sets, then to port 8080 on loopback.
     */
    public static final String BASE_URL = trimSlash(string("baseUrl",
            System.getenv().getOrDefault("PARLEY_URL", "http://127.0.0.1:8080")));
    /** Gateway base; defaults to the base URL's ws:// twin plus /gateway. */
    public static final String GATEWAY_URL = trimSlash(string("gatewayUrl",
            BASE_URL.replaceFirst("^http", "ws") + "/gateway"));
    public static final String API = "/api/v10";

    public static String string(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)));
    }

    public static double decimal(String name, double fallback) {
        return Double.parseDouble(string(name, Double.toString(fallback)));
    }

    public static boolean bool(String name, boolean fallback) {
        return Boolean.parseBoolean(string(name, Boolean.toString(fallback)));
    }

    /** A duration in seconds (decimals allowed: -Dramp=0.5). */
    public static Duration seconds(String name, double fallback) {
        return Duration.ofMillis(Math.round(decimal(name, fallback) * 1000));
    }

    /**
     * Refuses targets that are not loopback unless -DallowRemote=true: a load test pointed at the
     * wrong host by a typo is a denial of service, so reaching further must be a deliberate choice.
     */
    public static void requireAllowedTarget() {
        if (bool("allowRemote", false)) {
            return;
        }
        for (String url : new String[] {BASE_URL, GATEWAY_URL}) {
            String host = URI.create(url).getHost();
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (!address.isLoopbackAddress()) {
                        throw new IllegalArgumentException(url + " is not a loopback address; pass -DallowRemote=true"
                                + " to load-test a Parley on another host you operate");
                    }
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot resolve " + url, e);
            }
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
