package io.parley.http;

import java.util.List;
import java.util.Set;

/**
 * The client's address for per-address rate limits. Behind a reverse proxy or load balancer
 * every connection comes from the proxy, so for peers listed in {@code http.trusted_proxies}
 * the address is taken from X-Forwarded-For: the rightmost entry that is not itself a trusted
 * proxy (entries left of it were written by the client and prove nothing).
 */
public final class ClientAddress {
    private final Set<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** {@code forwardedFor}: every X-Forwarded-For header value in order (empty when none). */
    public String of(String peer, List<String> forwardedFor) {
        if (peer == null) {
            return "unknown";
        }
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String client = peer;
        for (int h = forwardedFor.size() - 1; h >= 0; h--) {
            String[] hops = forwardedFor.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                if (hop.isEmpty()) {
                    continue;
                }
                client = hop;
                if (!trustedProxies.contains(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }
}
