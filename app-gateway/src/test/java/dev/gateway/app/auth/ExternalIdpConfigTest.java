package dev.gateway.app.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExternalIdpConfigTest {

    @Test
    void shouldGrantAdminOnlyThroughTheMap() {
        ExternalIdpConfig config = config(List.of("ops=admin", " cn=admins,o=acme=admin ", "staff=member"));
        assertEquals("admin", config.platformRole("ops"));
        assertEquals("admin", config.platformRole(List.of("x", "ops")));
        assertEquals("member", config.platformRole("staff"));
        assertEquals("member", config.platformRole("admin"));
        assertEquals("member", config.platformRole("OPS"));
        assertEquals("member", config.platformRole(null));
        assertEquals("member", config.platformRole(List.of()));
        assertEquals("member", config(List.of()).platformRole("admin"));
    }

    @Test
    void shouldRefuseMapsToUnknownRolesOrWithoutValue() {
        assertThrows(IllegalArgumentException.class, () -> config(List.of("ops=owner")));
        assertThrows(IllegalArgumentException.class, () -> config(List.of("=admin")));
        assertThrows(IllegalArgumentException.class, () -> config(List.of("ops")));
    }

    @Test
    void shouldBeOffWithoutJwksAndIssuer() {
        assertFalse(new ExternalIdpConfig(null, null, null, "tenant", "role", null).enabled());
    }

    private static ExternalIdpConfig config(List<String> roleMap) {
        return new ExternalIdpConfig("http://idp/jwks", "https://idp", "tenant-api", "tenant", "role", roleMap);
    }
}
