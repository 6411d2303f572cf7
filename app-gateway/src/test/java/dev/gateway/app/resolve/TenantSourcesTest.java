package dev.gateway.app.resolve;

import dev.gateway.app.http.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantSourcesTest {

    private final TenantSources sources = new TenantSources("localhost");

    @Test
    void shouldPreferClaimThenHeaderThenHost() {
        assertEquals("acme", sources.resolve("acme", "acme", "acme.localhost:8000"));
        assertEquals("acme", sources.resolve(null, "acme", "localhost:8000"));
        assertEquals("acme", sources.resolve(null, null, "acme.localhost"));
        assertEquals("acme", sources.resolve(null, null, "ACME.LOCALHOST:8000"));
    }

    @Test
    void shouldIgnoreHostsOutsideTheBaseDomain() {
        assertEquals("acme", sources.resolve(null, "acme", "127.0.0.1:8000"));
        assertEquals("acme", sources.resolve(null, "acme", "globex.example.com"));
        assertEquals("acme", sources.resolve(null, "acme", "[::1]:8000"));
    }

    @Test
    void shouldTellThePlatformsHostsFromTenantHosts() {
        for (String host : new String[]{"localhost", "LOCALHOST:8000", "www.localhost:8000", "127.0.0.1:8000", "[::1]",
                "globex.example.com", null}) {
            assertTrue(sources.isPlatformHost(host), host);
        }
        assertFalse(sources.isPlatformHost("acme.localhost:8000"));
        assertFalse(sources.isPlatformHost("not a key.localhost"), "a malformed tenant host is still no platform host");
        assertEquals("acme", sources.resolve(null, "acme", "www.localhost:8000"), "www. names no tenant");
        assertProblem("missing-tenant", () -> sources.resolve(null, null, "www.localhost"));
    }

    @Test
    void shouldRefuseDisagreeingSources() {
        assertProblem("tenant-mismatch", () -> sources.resolve("acme", "globex", null));
        assertProblem("tenant-mismatch", () -> sources.resolve("acme", null, "globex.localhost"));
        assertProblem("tenant-mismatch", () -> sources.resolve(null, "acme", "globex.localhost"));
    }

    @Test
    void shouldRefuseMissingAndMalformedKeys() {
        assertProblem("missing-tenant", () -> sources.resolve(null, null, "localhost:8000"));
        assertProblem("missing-tenant", () -> sources.resolve(null, null, null));
        assertProblem("validation", () -> sources.resolve(null, "Acme!", null));
        assertProblem("validation", () -> sources.resolve(null, "www", null));
        assertProblem("validation", () -> sources.resolve(null, null, "a.b.localhost"));
        assertProblem("unauthorized", () -> sources.resolve("../etc", null, null));
    }

    private static void assertProblem(String type, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals("https://gateway.dev/problems/" + type, e.problem().type());
    }
}
