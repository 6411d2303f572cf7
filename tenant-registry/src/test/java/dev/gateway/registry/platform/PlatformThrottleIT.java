package dev.gateway.registry.platform;

import dev.gateway.registry.support.FromAddress;
import dev.gateway.registry.support.FromAddress.Reply;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The anonymous platform endpoints from random loopback addresses (real peers): 3 reads and 2 writes per address,
 * 2 lookups per email address from anywhere; 127.0.0.1 is the trusted proxy (the app-gateway) whose
 * X-Forwarded-For names the client.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformThrottleIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties("gateway.platform.throttle.reads", "3",
                "gateway.platform.throttle.writes", "2",
                "gateway.platform.throttle.lookups-per-email", "2",
                "gateway.platform.throttle.window", "10m",
                "gateway.trusted-proxies", "127.0.0.1");
    }

    @Test
    void shouldRefuseAnAddressPastItsSignupsWithRetryAfterButNotOthers() {
        String address = FromAddress.randomAddress();
        assertEquals(422, signup(address).status(), "refused, but counted");
        assertEquals(422, signup(address).status());

        Reply throttled = signup(address);

        assertRateLimited(throttled);
        assertEquals(422, signup(FromAddress.randomAddress()).status(), "another address is not throttled");
    }

    @Test
    void shouldRefuseAnAddressPastItsKeyChecks() {
        String address = FromAddress.randomAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, FromAddress.get(server.getURL(), address, "/api/platform/keys/" + Keys.tenantKey()).status());
        }
        assertRateLimited(FromAddress.get(server.getURL(), address, "/api/platform/plans"));
        assertEquals(200, FromAddress.get(server.getURL(), FromAddress.randomAddress(), "/api/platform/plans").status());
    }

    @Test
    void shouldCountTheClientNamedByTheTrustedProxy() {
        String client = "198.51.100." + (int) (Math.random() * 250 + 1);
        assertEquals(422, signup("127.0.0.1", "X-Forwarded-For", client).status());
        assertEquals(422, signup("127.0.0.1", "X-Forwarded-For", client).status());

        assertRateLimited(signup("127.0.0.1", "X-Forwarded-For", client));
        assertEquals(422, signup("127.0.0.1", "X-Forwarded-For", "203.0.113." + (int) (Math.random() * 250 + 1))
                .status(), "the proxy's other clients are not throttled");
    }

    @Test
    void shouldLimitLookupsOfOneEmailAddressFromAnywhere() {
        String email = "target@" + Keys.tenantKey() + ".example";
        assertEquals(202, lookup(FromAddress.randomAddress(), email).status());
        assertEquals(202, lookup(FromAddress.randomAddress(), email).status());

        assertRateLimited(lookup(FromAddress.randomAddress(), email));
        assertEquals(202, lookup(FromAddress.randomAddress(), "other@" + Keys.tenantKey() + ".example").status());
    }

    private static void assertRateLimited(Reply reply) {
        assertEquals(429, reply.status(), reply.body());
        assertTrue(reply.body().contains("https://gateway.dev/problems/rate-limited"), reply.body());
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);
    }

    private Reply signup(String from, String... headers) {
        return FromAddress.post(server.getURL(), from, "/api/platform/signups", "{\"company_name\":\"Acme\",\"key\":\""
                + Keys.tenantKey() + "\",\"admin_email\":\"a@acme.example\",\"plan\":\"no-such-plan\"}", headers);
    }

    private Reply lookup(String from, String email) {
        return FromAddress.post(server.getURL(), from, "/api/platform/workspaces/lookup", "{\"email\":\"" + email + "\"}");
    }
}
