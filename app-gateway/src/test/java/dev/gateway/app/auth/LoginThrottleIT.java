package dev.gateway.app.auth;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.Loopback;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.TenantDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logins are throttled in Redis per client address (every attempt) and per account (failures), never on the
 * tenant's plan budget. This gateway trusts 127.0.0.1 as a proxy, so a test picks its client address with
 * {@code X-Forwarded-For}; limits here: 5 failures per account and 20 attempts per address per 10 minutes.
 */
@MicronautTest
class LoginThrottleIT extends GatewayIntegrationTest {

    private static final int ACCOUNT_FAILURES = 5;
    private static final int ADDRESS_ATTEMPTS = 20;
    /** Long enough that no attempt leaks out of a bucket while a test runs (GCRA refills continuously). */
    private static final int WINDOW_SECONDS = 600;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.login.account-failures", Integer.toString(ACCOUNT_FAILURES),
                "gateway.login.address-attempts", Integer.toString(ADDRESS_ATTEMPTS),
                "gateway.login.window", WINDOW_SECONDS + "s",
                "gateway.trusted-proxies", "127.0.0.1");
    }

    @Test
    void shouldKeepALoginFloodOffTheTenantsPlanBudget() throws Exception {
        ProvisionedTenant acme = activated(Map.of(TenantDirectory.RATE_PER_SECOND, "20",
                TenantDirectory.BURST, "20"));
        String user = login(acme, acme.adminPassword(), randomAddress()).json().get("access_token").toString();

        List<Integer> userStatuses = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService users = Executors.newSingleThreadScheduledExecutor();
        users.scheduleAtFixedRate(() -> userStatuses.add(api().get("/api/me", bearer(user)).status()), 0, 100,
                TimeUnit.MILLISECONDS);
        List<Reply> flood = new ArrayList<>();
        ExecutorService flooder = Executors.newFixedThreadPool(8);
        try {
            String[] addresses = {randomAddress(), randomAddress()};
            List<Future<Reply>> sent = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String from = addresses[i % addresses.length];
                sent.add(flooder.submit(() -> login(acme, "wrong-password", from)));
            }
            for (Future<Reply> reply : sent) {
                flood.add(reply.get());
            }
        } finally {
            flooder.shutdownNow();
            users.shutdown();
            assertTrue(users.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertTrue(userStatuses.size() >= 3, "users made requests during the flood: " + userStatuses);
        assertEquals(0, userStatuses.stream().filter(s -> s == 429).count(), "users saw 429: " + userStatuses);
        assertTrue(userStatuses.stream().allMatch(s -> s == 200), userStatuses.toString());
        long checked = flood.stream().filter(r -> r.status() == 401).count();
        long throttled = flood.stream().filter(r -> r.status() == 429).count();
        assertTrue(checked <= ACCOUNT_FAILURES, "passwords checked: " + checked);
        assertTrue(throttled >= 450, "flooder throttled: " + throttled);
        for (Reply reply : flood) {
            if (reply.status() == 429) {
                assertRateLimited(reply);
            } else if (reply.status() != 401) {
                // more checks waiting than this gateway runs at once: refused before any bcrypt work
                assertEquals(503, reply.status(), reply.body());
                assertEquals("1", reply.header("Retry-After"));
            }
        }
    }

    @Test
    void shouldLockAnAccountAfterItsFailuresFromAnyAddress() {
        ProvisionedTenant tenant = activated(Map.of());
        String member = createMember(tenant);
        String attacker = randomAddress();
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertEquals(401, login(tenant, "wrong-" + i, attacker).status());
        }
        assertRateLimited(login(tenant, "wrong-again", attacker));
        Reply owner = login(tenant, tenant.adminPassword(), randomAddress());
        assertRateLimited(owner); // the lockout trade-off: the account's owner waits too
        assertEquals(200, login(tenant.key(), member, "member-password", randomAddress()).status(),
                "other accounts of the tenant are not affected");
    }

    @Test
    void shouldLimitAttemptsPerAddressWhateverTheAccount() {
        ProvisionedTenant tenant = activated(Map.of());
        String scanner = randomAddress();
        for (int i = 0; i < ADDRESS_ATTEMPTS; i++) {
            assertEquals(401, login(tenant.key(), "nobody-" + i + "@example.test", "wrong", scanner).status());
        }
        assertRateLimited(login(tenant, tenant.adminPassword(), scanner));
        assertEquals(200, login(tenant, tenant.adminPassword(), randomAddress()).status(),
                "another address is not blocked by this one's attempts");
    }

    @Test
    void shouldLetTheOwnerInAfterFailuresBelowTheAccountLimit() {
        ProvisionedTenant tenant = activated(Map.of());
        String attacker = randomAddress();
        for (int i = 0; i < ACCOUNT_FAILURES - 1; i++) {
            assertEquals(401, login(tenant, "wrong-" + i, attacker).status());
        }
        assertEquals(200, login(tenant, tenant.adminPassword(), randomAddress()).status());
        assertEquals(200, login(tenant, tenant.adminPassword(), randomAddress()).status(),
                "a successful login is not counted as a failure");
    }

    @Test
    void shouldCountTheSocketAddressOfAClientThatIsNoTrustedProxy() {
        ProvisionedTenant tenant = activated(Map.of());
        String client = Loopback.randomAddress();
        for (int i = 0; i <= ADDRESS_ATTEMPTS; i++) {
            Reply reply = Loopback.post(server.getURI(), client, "/api/auth/token",
                    "{\"email\":\"nobody-" + i + "@example.test\",\"password\":\"wrong\"}",
                    "X-Tenant-ID", tenant.key(), "X-Forwarded-For", randomAddress());
            assertEquals(i < ADDRESS_ATTEMPTS ? 401 : 429, reply.status(), "attempt " + i + ": " + reply.body());
        }
    }

    @Test
    void shouldCountActivationsJoinRequestsAndWorkspaceReadsAgainstTheAddress() {
        ProvisionedTenant tenant = activated(Map.of());
        String client = randomAddress();
        for (int i = 0; i < ADDRESS_ATTEMPTS; i++) {
            Reply reply = switch (i % 3) {
                case 0 -> api().post("/api/auth/activate", "{\"token\":\"guess-" + i + "\",\"password\":\"password-1\"}",
                        "X-Tenant-ID", tenant.key(), "X-Forwarded-For", client);
                case 1 -> api().get("/api/workspace", "X-Tenant-ID", tenant.key(), "X-Forwarded-For", client);
                default -> api().post("/api/signups", "{\"email\":\"joiner-" + i + "@example.test\",\"name\":\"J\","
                        + "\"password\":\"password-1\"}", "X-Tenant-ID", tenant.key(), "X-Forwarded-For", client);
            };
            assertEquals(List.of(404, 200, 202).get(i % 3), reply.status(), "request " + i + ": " + reply.body());
        }
        assertRateLimited(api().get("/api/workspace", "X-Tenant-ID", tenant.key(), "X-Forwarded-For", client));
        assertRateLimited(api().post("/api/auth/activate", "{\"token\":\"" + tenant.invitationToken()
                + "\",\"password\":\"password-1\"}", "X-Tenant-ID", tenant.key(), "X-Forwarded-For", client));
        assertEquals(200, api().get("/api/workspace", "X-Tenant-ID", tenant.key(), "X-Forwarded-For", randomAddress())
                .status(), "another address is not blocked by this one's requests");
    }

    /** A tenant whose first admin accepted its invitation, from an address of its own. */
    private ProvisionedTenant activated(Map<String, String> directory) {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(directory);
        api().login(tenant, "X-Forwarded-For", randomAddress());
        return tenant;
    }

    private static void assertRateLimited(Reply reply) {
        assertEquals(429, reply.status(), reply.body());
        assertEquals("rate-limited", reply.problem());
        int retryAfter = Integer.parseInt(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, reply.header("Retry-After"));
    }

    private String createMember(ProvisionedTenant tenant) {
        String admin = login(tenant, tenant.adminPassword(), randomAddress()).json().get("access_token").toString();
        String email = "member-" + UUID.randomUUID() + "@example.test";
        Reply created = api().post("/api/users", "{\"email\":\"" + email + "\",\"password\":\"member-password\","
                + "\"role\":\"member\"}", bearer(admin));
        assertEquals(201, created.status(), created.body());
        return email;
    }

    private Reply login(ProvisionedTenant tenant, String password, String from) {
        return login(tenant.key(), tenant.adminEmail(), password, from);
    }

    private Reply login(String tenant, String email, String password, String from) {
        return api().post("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "X-Tenant-ID", tenant, "X-Forwarded-For", from);
    }

    /** A client address of its own, so no other test or run shares its bucket. */
    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
