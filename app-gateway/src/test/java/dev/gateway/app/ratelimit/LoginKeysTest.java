package dev.gateway.app.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LoginKeysTest {

    @Test
    void shouldCountIpv4ByAddressAndIpv6ByItsSlash64() {
        assertEquals("login:address:203.0.113.9", LoginKeys.address("203.0.113.9"));
        assertEquals("login:address:2001:db8:1:2:0:0:0:0/64", LoginKeys.address("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(LoginKeys.address("2001:db8:1:2::1"), LoginKeys.address("2001:db8:1:2:ffff::9"));
        assertNotEquals(LoginKeys.address("2001:db8:1:2::1"), LoginKeys.address("2001:db8:1:3::1"));
    }

    @Test
    void shouldKeyAccountsByTenantAndNormalisedEmailInFixedLength() {
        assertEquals(LoginKeys.account("acme", "Alice@Example.test "), LoginKeys.account("acme", "alice@example.test"));
        assertNotEquals(LoginKeys.account("acme", "alice@example.test"), LoginKeys.account("acme", "bob@example.test"));
        assertNotEquals(LoginKeys.account("acme", "alice@example.test"), LoginKeys.account("beta", "alice@example.test"));
        assertEquals(LoginKeys.account("acme", "a"), LoginKeys.account("acme", "A"));
        assertEquals("login:account:acme:".length() + 32, LoginKeys.account("acme", "x".repeat(254) + "\u0000").length());
    }
}
