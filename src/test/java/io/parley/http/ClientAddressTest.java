package io.parley.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {
    private final ClientAddress behindProxy = new ClientAddress(List.of("10.0.0.2", "10.0.0.3"));

    @Test
    void aDirectPeerIsTheClientWhateverItClaims() {
        assertEquals("203.0.113.9", behindProxy.of("203.0.113.9", List.of("198.51.100.1")));
        assertEquals("203.0.113.9", new ClientAddress(List.of()).of("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedForwardedAddressIsTheClient() {
        assertEquals("198.51.100.1", behindProxy.of("10.0.0.2", List.of("198.51.100.1")));
        assertEquals("198.51.100.1", behindProxy.of("10.0.0.2", List.of("6.6.6.6, 198.51.100.1, 10.0.0.3")),
                "an address the client wrote itself (6.6.6.6) is not believed");
        assertEquals("198.51.100.1", behindProxy.of("10.0.0.2", List.of("6.6.6.6", "198.51.100.1")),
                "several headers read as one list");
    }

    @Test
    void aTrustedProxyWithoutForwardedForIsTheClient() {
        assertEquals("10.0.0.2", behindProxy.of("10.0.0.2", List.of()));
        assertEquals("10.0.0.3", behindProxy.of("10.0.0.2", List.of("10.0.0.3")));
    }
}
