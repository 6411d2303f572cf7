package dev.gateway.routes.reconcile;

import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.support.PrivateRedis;
import dev.gateway.routes.support.RedisKeys;
import dev.gateway.routes.support.RoutesItBase;
import dev.gateway.routes.support.Tenants;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Redis comes back empty with the scheduled reconcile an hour away: the routes and directory of every tenant are
 * rebuilt from the registry within seconds, because the wipe itself is noticed.
 */
@MicronautTest
class RedisWipeIT extends RoutesItBase {

    private static final PrivateRedis PRIVATE_REDIS = new PrivateRedis().start();

    @Inject
    Reconciler reconciler;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("gateway.reconcile.initial-delay", "1h");
        properties.put("gateway.reconcile.interval", "1h");
        properties.put("gateway.reconcile.wipe-check", "500ms");
        return properties;
    }

    @Override
    protected String redisUri() {
        return PRIVATE_REDIS.uri();
    }

    @AfterAll
    @Override
    protected void closeFixture() {
        super.closeFixture();
        PRIVATE_REDIS.stop();
    }

    @Test
    void shouldRebuildEveryTenantWithinSecondsOfRedisComingBackEmpty() {
        List<TenantSnapshot> tenants = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TenantSnapshot t = Tenants.snapshot(env.newTenantKey(), i % 3 == 0 ? "suspended" : "ready", 2);
            tenants.add(t);
            registry.put(t);
        }
        reconciler.reconcile();
        assertEquals("ready", directory(tenants.get(1).key()).get(TenantDirectory.STATUS));

        PRIVATE_REDIS.stop();
        PRIVATE_REDIS.start();

        for (TenantSnapshot t : tenants) {
            RedisKeys.await("directory of " + t.key(), Duration.ofSeconds(10), () -> directory(t.key()),
                    d -> t.status().equals(d.get(TenantDirectory.STATUS)));
            TreeMap<String, String> expected = new TreeMap<>("ready".equals(t.status())
                    ? planner.tenantRouteKeys(t.key()) : Map.of());
            RedisKeys.await("routes of " + t.key(), Duration.ofSeconds(5), () -> tenantRouteKeys(t.key()),
                    expected::equals);
        }
    }
}
