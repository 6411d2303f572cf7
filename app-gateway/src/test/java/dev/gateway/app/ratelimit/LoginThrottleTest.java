package dev.gateway.app.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LoginThrottleTest {

    @Test
    void shouldCountIpv4ByAddressAndIpv6ByItsSlash64() {
        assertEquals("203.0.113.9", LoginThrottle.bucket("203.0.113.9"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", LoginThrottle.bucket("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(LoginThrottle.bucket("2001:db8:1:2::1"), LoginThrottle.bucket("2001:db8:1:2:ffff::9"));
        assertNotEquals(LoginThrottle.bucket("2001:db8:1:2::1"), LoginThrottle.bucket("2001:db8:1:3::1"));
    }

    @Test
    void shouldKeyAccountsByTheirNormalisedEmailInFixedLength() {
        assertEquals(LoginThrottle.fingerprint("Alice@Example.test "), LoginThrottle.fingerprint("alice@example.test"));
        assertNotEquals(LoginThrottle.fingerprint("alice@example.test"), LoginThrottle.fingerprint("bob@example.test"));
        assertEquals(32, LoginThrottle.fingerprint("x".repeat(254) + "\u0000").length());
    }
}
