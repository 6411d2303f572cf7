package dev.gateway.registry.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    @Test
    void shouldMatchTrustedProxiesByAddressOrBlock() throws Exception {
        LoginThrottle.Network loopback = LoginThrottle.Network.parse("127.0.0.1");
        LoginThrottle.Network docker = LoginThrottle.Network.parse("172.16.0.0/12");
        LoginThrottle.Network v6 = LoginThrottle.Network.parse("::1");
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
        assertThrows(IllegalArgumentException.class, () -> LoginThrottle.Network.parse("admin-ui"));
        assertThrows(IllegalArgumentException.class, () -> LoginThrottle.Network.parse("dead.beef"));
        assertThrows(IllegalArgumentException.class, () -> LoginThrottle.Network.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> LoginThrottle.Network.parse("10.0.0.0/x"));
    }
}
