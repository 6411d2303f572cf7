package dev.gateway.app.directory;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.PrivateRedis;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.TenantDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's only Redis (directory, announcements, rate limits) is killed and comes back. Cached entries
 * stay fresh through the outage here (long TTL), so this is about the way back: a tenant that needs a
 * directory read is served as soon as Redis answers, and a change made while the gateway could not see
 * Redis, whose announcement it therefore missed, takes effect at once instead of after the TTL; and
 * entries stay servable should Redis fail again right after it came back.
 */
@MicronautTest
class DirectoryRecoveryIT extends GatewayIntegrationTest {

    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(1);

    private PrivateRedis redis;

    @Override
    protected Map<String, String> extraProperties() {
        redis = PrivateRedis.start();
        return Map.of("gateway.redis.uri", redis.uri(), "gateway.directory.cache-ttl", "10m");
    }

    @AfterAll
    void stopRedis() {
        redis.close();
    }

    @Test
    void shouldServeAsSoonAsRedisAnswersAndApplyChangesMadeMeanwhile() {
        ProvisionedTenant known = TenantFixture.schemaTenant(Map.of());
        redis.mirrorTenant(known.key());
        String unseen = TenantFixture.randomKey();
        redis.with(r -> r.hset(TenantDirectory.key(unseen), TenantDirectory.STATUS, "ready"));
        String token = tokenFor(known);
        assertEquals(200, api().get("/api/projects", bearer(token)).status());

        redis.kill();
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < outageEnds) {
            Reply reply = api().get("/api/projects", bearer(token));
            assertEquals(200, reply.status(), reply.body());
        }
        assertEquals("service-unavailable", api().get("/api/me", "X-Tenant-ID", unseen).problem());

        long back = redis.restart(r -> r.hset(TenantDirectory.key(known.key()), TenantDirectory.STATUS, "suspended"));
        // without a token: 401 as soon as the directory has answered and the gate let the tenant through
        timeUntil("unseen tenant resolved after the outage", Duration.ofSeconds(30),
                () -> "unauthorized".equals(api().get("/api/me", "X-Tenant-ID", unseen).problem()));
        Duration unseenResolved = Duration.ofNanos(System.nanoTime() - back);
        timeUntil("suspension made during the outage applied", Duration.ofSeconds(30), () -> {
            Reply reply = api().get("/api/projects", bearer(token));
            return reply.status() == 503 && "tenant-suspended".equals(reply.problem());
        });
        Duration suspensionApplied = Duration.ofNanos(System.nanoTime() - back);

        System.out.printf("after Redis returned: unseen tenant resolved in %d ms, suspension applied in %d ms%n",
                unseenResolved.toMillis(), suspensionApplied.toMillis());
        assertTrue(unseenResolved.compareTo(RECOVERY_BOUND) < 0, "unseen tenant resolved after " + unseenResolved);
        assertTrue(suspensionApplied.compareTo(RECOVERY_BOUND) < 0, "suspension applied after " + suspensionApplied);
    }

    @Test
    void shouldKeepEntriesServableWhenRedisFailsAgainRightAfterReturning() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        redis.mirrorTenant(tenant.key());
        String token = tokenFor(tenant);
        assertEquals(200, api().get("/api/projects", bearer(token)).status());

        redis.kill();
        redis.restart();
        timeUntil("gateway subscribed again", Duration.ofSeconds(5), () -> subscribers() > 0);
        redis.kill();
        try {
            Reply reply = api().get("/api/projects", bearer(token));
            assertEquals(200, reply.status(), reply.body());
        } finally {
            redis.restart();
        }
    }

    /** The admin's activation, while Redis is up: the token outlives the outages these tests cause. */
    private String tokenFor(ProvisionedTenant tenant) {
        return api().login(tenant);
    }

    private long subscribers() {
        long[] count = new long[1];
        redis.with(r -> count[0] = r.pubsubNumsub(TenantDirectory.CHANNEL).get(TenantDirectory.CHANNEL));
        return count[0];
    }
}
