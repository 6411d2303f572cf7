package dev.gateway.app.resolve;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void shouldIgnoreForwardedForFromAnUntrustedPeer() throws Exception {
        assertEquals("203.0.113.9", addresses.of(ip("203.0.113.9"), List.of("198.51.100.1")));
        assertEquals("203.0.113.9", addresses.of(ip("203.0.113.9"), List.of()));
        assertEquals("203.0.113.9", new ClientAddresses(List.of()).of(ip("203.0.113.9"), List.of("10.1.1.1")));
    }

    @Test
    void shouldTakeTheEntryTheTrustedProxyAdded() throws Exception {
        assertEquals("198.51.100.1", addresses.of(ip("10.1.2.3"), List.of("198.51.100.1")));
        assertEquals("198.51.100.1", addresses.of(ip("10.1.2.3"), List.of("6.6.6.6, 198.51.100.1")),
                "what the client wrote itself, left of it, is ignored");
        assertEquals("198.51.100.1", addresses.of(ip("192.168.1.7"), List.of("6.6.6.6", "198.51.100.1, 10.9.9.9")),
                "a chain of trusted proxies is walked back to the first untrusted hop");
    }

    @Test
    void shouldFallBackToTheLastTrustedHopOnGarbage() throws Exception {
        assertEquals("10.9.9.9", addresses.of(ip("10.1.2.3"), List.of("evil.example.com, 10.9.9.9")));
        assertEquals("10.1.2.3", addresses.of(ip("10.1.2.3"), List.of("not an address")));
        assertEquals("10.1.2.3", addresses.of(ip("10.1.2.3"), List.of("")));
        assertEquals("10.9.9.9", addresses.of(ip("10.1.2.3"), List.of("10.9.9.9")), "only trusted hops: the farthest");
    }

    @Test
    void shouldMatchIpv6BlocksAndNeverMixFamilies() throws Exception {
        assertEquals("2001:db8:0:0:0:0:0:1", addresses.of(ip("fd12::1"), List.of("2001:db8::1")));
        assertEquals("fe80:0:0:0:0:0:0:1", addresses.of(ip("fe80::1"), List.of("2001:db8::1")));
        assertEquals("10.0.0.1", new ClientAddresses(List.of("::/0")).of(ip("10.0.0.1"), List.of("1.2.3.4")));
    }

    @Test
    void shouldRefuseBadProxyEntriesAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("proxy.internal")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/x")));
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
