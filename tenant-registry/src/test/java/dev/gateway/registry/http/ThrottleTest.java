package dev.gateway.registry.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottleTest {

    @Test
    void shouldMatchTrustedProxiesByAddressOrBlock() throws Exception {
        Throttle.Network loopback = Throttle.Network.parse("127.0.0.1");
        Throttle.Network docker = Throttle.Network.parse("172.16.0.0/12");
        Throttle.Network v6 = Throttle.Network.parse("::1");
        assertTrue(loopback.contains(InetAddress.getByName("127.0.0.1")));
        assertFalse(loopback.contains(InetAddress.getByName("127.0.0.2")));
        assertTrue(docker.contains(InetAddress.getByName("172.18.0.5")));
        assertTrue(docker.contains(InetAddress.getByName("172.31.255.255")));
        assertFalse(docker.contains(InetAddress.getByName("172.32.0.1")));
        assertTrue(v6.contains(InetAddress.getByName("::1")));
        assertFalse(v6.contains(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void shouldRefuseNamesAndBadBlocks() {
        assertThrows(IllegalArgumentException.class, () -> Throttle.Network.parse("admin-ui"));
        assertThrows(IllegalArgumentException.class, () -> Throttle.Network.parse("dead.beef"));
        assertThrows(IllegalArgumentException.class, () -> Throttle.Network.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Throttle.Network.parse("10.0.0.0/x"));
    }
}
