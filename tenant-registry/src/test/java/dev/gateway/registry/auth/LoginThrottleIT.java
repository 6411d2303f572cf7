package dev.gateway.registry.auth;

import dev.gateway.registry.support.FromAddress;
import dev.gateway.registry.support.FromAddress.Reply;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URL;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admin logins and service tokens are throttled in Redis, shared by every registry instance: per account on
 * failures, per client address on every attempt. Limits here: 3 failures per account, 8 attempts per address per
 * minute; 127.0.0.1 (the admin-ui) is the trusted proxy whose X-Forwarded-For is believed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleIT implements TestPropertyProvider {

    private static final int ACCOUNT_FAILURES = 3;
    private static final int ADDRESS_ATTEMPTS = 8;
    private static final String LOGIN = "/api/gateway/auth/login";

    @Inject
    EmbeddedServer server;

    @Inject
    AdminUserRepository users;

    @Inject
    PasswordHasher hasher;

    @Override
    public Map<String, String> getProperties() {
        return limits();
    }

    private static Map<String, String> limits() {
        return RegistryFixture.properties("gateway.login.account-failures", Integer.toString(ACCOUNT_FAILURES),
                "gateway.login.address-attempts", Integer.toString(ADDRESS_ATTEMPTS),
                "gateway.login.window", "1m",
                "gateway.trusted-proxies", "127.0.0.1");
    }

    @Test
    void shouldThrottleAnAccountAfterItsFailuresFromAnyAddress() {
        String user = operator();
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertEquals(401, login(FromAddress.randomAddress(), user, "wrong").status());
        }
        Reply refused = login(FromAddress.randomAddress(), user, "ops-password");
        assertRateLimited(refused);
        assertEquals(200, login(FromAddress.randomAddress(), "admin", RegistryFixture.ADMIN_PASSWORD).status(),
                "other accounts are not affected");
    }

    @Test
    void shouldNotCountSuccessfulLoginsAgainstTheAccount() {
        String user = operator();
        for (int i = 0; i < ACCOUNT_FAILURES + 2; i++) {
            assertEquals(200, login(FromAddress.randomAddress(), user, "ops-password").status());
        }
    }

    @Test
    void shouldThrottleAnAddressAfterItsAttemptsWhateverTheAccount() {
        String flooder = FromAddress.randomAddress();
        for (int i = 0; i < ADDRESS_ATTEMPTS; i++) {
            assertEquals(401, login(flooder, "nobody-" + Keys.tenantKey(), "wrong").status());
        }
        assertRateLimited(login(flooder, "admin", RegistryFixture.ADMIN_PASSWORD));
        assertEquals(200, login(FromAddress.randomAddress(), "admin", RegistryFixture.ADMIN_PASSWORD).status(),
                "the account is not locked by another address's flood");
    }

    @Test
    void shouldBelieveXForwardedForOnlyFromTheTrustedProxy() {
        String client = FromAddress.randomAddress();
        for (int i = 0; i < ADDRESS_ATTEMPTS; i++) {
            assertEquals(401, login("127.0.0.1", "nobody-" + Keys.tenantKey(), "wrong",
                    "X-Forwarded-For", "203.0.113.9, " + client).status());
        }
        assertRateLimited(login("127.0.0.1", "nobody-" + Keys.tenantKey(), "wrong", "X-Forwarded-For", client));
        assertEquals(401, login("127.0.0.1", "nobody-" + Keys.tenantKey(), "wrong",
                "X-Forwarded-For", FromAddress.randomAddress()).status(), "another client behind the proxy");
        assertEquals(401, login(FromAddress.randomAddress(), "nobody-" + Keys.tenantKey(), "wrong",
                "X-Forwarded-For", client).status(), "an untrusted peer cannot claim the throttled address");
    }

    @Test
    void shouldThrottleServiceTokensPerClient() {
        String clientId = "svc-" + Keys.tenantKey();
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertEquals(401, serviceToken(clientId, "wrong").status());
        }
        assertRateLimited(serviceToken(clientId, "it-service-secret"));
        assertEquals(200, serviceToken("route-publisher", "it-service-secret").status());
    }

    @Test
    void shouldShareTheCountsBetweenInstances() throws Exception {
        String user = operator();
        try (ApplicationContext other = ApplicationContext.run(new HashMap<String, Object>(limits()))) {
            EmbeddedServer second = other.getBean(EmbeddedServer.class).start();
            assertEquals(401, login(FromAddress.randomAddress(), user, "wrong").status());
            assertEquals(401, post(second.getURL(), FromAddress.randomAddress(), LOGIN, credentials(user, "wrong"))
                    .status());
            assertEquals(401, login(FromAddress.randomAddress(), user, "wrong").status());
            assertRateLimited(post(second.getURL(), FromAddress.randomAddress(), LOGIN,
                    credentials(user, "ops-password")));
        }
    }

    private String operator() {
        String name = "ops-" + Keys.tenantKey();
        users.save(new AdminUser(name, hasher.hash("ops-password"), Roles.VIEWER, Instant.now()));
        return name;
    }

    private Reply login(String from, String user, String password, String... headers) {
        return post(server.getURL(), from, LOGIN, credentials(user, password), headers);
    }

    private Reply serviceToken(String clientId, String secret) {
        return post(server.getURL(), FromAddress.randomAddress(), "/api/gateway/auth/service-token",
                "{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + secret + "\"}");
    }

    private static Reply post(URL url, String from, String path, String json, String... headers) {
        return FromAddress.post(url, from, path, json, headers);
    }

    private static String credentials(String user, String password) {
        return "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    private static void assertRateLimited(Reply reply) {
        assertEquals(429, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
        assertTrue(reply.body().contains("https://gateway.dev/problems/rate-limited"), reply.body());
        int retryAfter = Integer.parseInt(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }
}
