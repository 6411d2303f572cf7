package dev.gateway.app.directory;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.PrivateRedis;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.TenantDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's only Redis (directory, announcements, rate limits) is killed for longer than the directory
 * cache TTL under tenant traffic: a known tenant keeps being served from its last entry, for at most the
 * configured staleness, and that shows in the metrics; a tenant the gateway has not seen gets 503 at once
 * and is not remembered as unknown.
 */
@MicronautTest
class DirectoryOutageIT extends GatewayIntegrationTest {

    private static final Duration TTL = Duration.ofSeconds(1);
    private static final Duration MAX_STALE = Duration.ofSeconds(3);
    private static final Duration FAST = Duration.ofSeconds(1);

    @Inject
    MeterRegistry meters;

    private PrivateRedis redis;

    @Override
    protected Map<String, String> extraProperties() {
        redis = PrivateRedis.start();
        return Map.of("gateway.redis.uri", redis.uri(),
                "gateway.directory.cache-ttl", TTL.toMillis() + "ms",
                "gateway.directory.max-stale", MAX_STALE.toMillis() + "ms");
    }

    @AfterAll
    void stopRedis() {
        redis.close();
    }

    @Test
    void shouldServeKnownTenantsFromTheirLastEntryForAtMostTheMaxStaleness() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        redis.mirrorTenant(tenant.key());
        String stranger = TenantFixture.randomKey();
        redis.with(r -> r.hset(TenantDirectory.key(stranger), TenantDirectory.STATUS, "ready"));
        long beforeFirstRead = System.nanoTime();
        String token = api().login(tenant);
        assertEquals(200, api().get("/api/projects", bearer(token)).status());
        double staleBefore = staleServed();

        redis.kill();
        long killed = System.nanoTime();
        int served = 0;
        int servedPastTtl = 0;
        while (System.nanoTime() - killed < TTL.plusSeconds(1).toNanos()) {
            long sent = System.nanoTime();
            Reply reply = api().get("/api/projects", bearer(token));
            assertEquals(200, reply.status(), reply.body());
            served++;
            if (sent - killed > TTL.toNanos()) {
                servedPastTtl++;
            }
        }
        assertEquals(200, api().get("/api/me", bearer(token)).status());
        double stale = staleServed() - staleBefore;
        assertTrue(servedPastTtl > 0 && stale >= servedPastTtl && stale <= served + 1,
                stale + " counted stale, " + servedPastTtl + " of " + served + " served past the TTL");
        assertEquals(1.0, unreachable());

        for (int i = 0; i < 2; i++) {
            long sent = System.nanoTime();
            Reply unseen = api().get("/api/me", "X-Tenant-ID", stranger);
            assertEquals(503, unseen.status(), unseen.body());
            assertEquals("service-unavailable", unseen.problem());
            assertTrue(System.nanoTime() - sent < FAST.toNanos(), "unseen tenant answered slowly");
        }

        long[] refusedAt = new long[1];
        timeUntil("stale entry given up", MAX_STALE.plus(TTL).plusSeconds(1), () -> {
            Reply reply = api().get("/api/projects", bearer(token));
            refusedAt[0] = System.nanoTime();
            return reply.status() == 503 && "service-unavailable".equals(reply.problem());
        });
        assertTrue(refusedAt[0] - beforeFirstRead >= TTL.plus(MAX_STALE).toNanos(),
                "refused " + (refusedAt[0] - beforeFirstRead) / 1_000_000 + " ms after the entry was read");

        long back = redis.restart();
        timeUntil("tenant served after the outage", FAST, () -> api().get("/api/projects", bearer(token)).status() == 200);
        System.out.printf("after Redis returned: served again in %d ms%n", (System.nanoTime() - back) / 1_000_000);
        assertEquals(0.0, unreachable());
        assertEquals("unauthorized", api().get("/api/me", "X-Tenant-ID", stranger).problem());
    }

    private double staleServed() {
        return meters.counter("gateway.directory.stale.served").count();
    }

    private double unreachable() {
        return meters.get("gateway.directory.unreachable").gauge().value();
    }
}
