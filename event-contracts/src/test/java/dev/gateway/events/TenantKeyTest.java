package dev.gateway.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "a1b", "acme-logistics", "x-1", "abcdefghijklmnopqrstuvwxyz012345"})
    void shouldAcceptWellFormedKeys(String key) {
        assertTrue(TenantKey.isValid(key));
        assertNull(TenantKey.problem(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Acme", "1acme", "acme-", "ac_me", "acme.com", "a b c", "acme;drop",
            "abcdefghijklmnopqrstuvwxyz0123456", "admin", "postgres", "template1", "www"})
    void shouldRefuseMalformedOrReservedKeys(String key) {
        assertFalse(TenantKey.isValid(key));
        assertNotNull(TenantKey.problem(key));
    }

    @Test
    void shouldDeriveObjectNamesWithUnderscores() {
        assertEquals("tenant_acme_logistics", TenantKey.objectName("acme-logistics"));
        assertThrows(IllegalArgumentException.class, () -> TenantKey.objectName("Robert'); DROP"));
    }
}
