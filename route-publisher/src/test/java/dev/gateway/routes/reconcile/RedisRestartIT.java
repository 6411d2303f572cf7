package dev.gateway.routes.reconcile;

import dev.gateway.events.EventType;
import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.route.KeyspaceEventsFlags;
import dev.gateway.routes.support.PrivateRedis;
import dev.gateway.routes.support.RedisKeys;
import dev.gateway.routes.support.RoutesItBase;
import dev.gateway.routes.support.Tenants;
import dev.gateway.routes.registry.ServiceTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs against a private redis-server that the test stops and restarts (empty) mid-stream, with the
 * scheduled reconcile every second, and lets the publisher set keyspace notifications on it.
 */
@MicronautTest
class RedisRestartIT extends RoutesItBase {

    private static final PrivateRedis PRIVATE_REDIS = new PrivateRedis().start();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ServiceTokens serviceTokens;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("gateway.routes.set-keyspace-events", "true");
        properties.put("gateway.reconcile.initial-delay", "1s");
        properties.put("gateway.reconcile.interval", "1s");
        properties.put("gateway.routes.entrypoints", "web,websecure");
        properties.put("gateway.routes.upstream-urls", "http://gw-a:8000,http://gw-b:8000");
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
    void shouldEnableKeyspaceNotificationsForTraefik() {
        String flags = redis.configGet("notify-keyspace-events").get("notify-keyspace-events");
        assertTrue(new KeyspaceEventsFlags(flags).sufficient(), flags);
        Map<?, ?> status = http.toBlocking().retrieve(HttpRequest.GET("/routes/status")
                .bearerAuth(serviceTokens.current()), Map.class);
        Map<?, ?> keyspace = (Map<?, ?>) status.get("keyspace_events");
        assertEquals(true, keyspace.get("traefik_can_watch"));
        assertEquals(true, keyspace.get("set_by_publisher"));
    }

    @Test
    void shouldBindCommaSeparatedEntrypointsAndUpstreams() {
        String key = env.newTenantKey();
        Map<String, String> route = planner.tenantRouteKeys(key);
        assertEquals("web", route.get(routerPrefix(key) + "entrypoints/0"));
        assertEquals("websecure", route.get(routerPrefix(key) + "entrypoints/1"));
        RedisKeys.await("shared service written", Duration.ofSeconds(5),
                () -> RedisKeys.values(redis, env.root + "/http/services/app-gateway/"),
                v -> "http://gw-b:8000".equals(v.get(env.root + "/http/services/app-gateway/loadbalancer/servers/1/url")));
    }

    @Test
    void shouldRepairDamageWithinTheReconcileInterval() {
        TenantSnapshot t = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        registry.put(t);
        awaitRoutes(t.key());

        redis.set(routerPrefix(t.key()) + "rule", "Host(`hijacked.example.com`)");
        redis.set(routerPrefix(env.tenantPrefix + "stray") + "rule", "Host(`stray.it.test`)");

        RedisKeys.await("rule restored", Duration.ofSeconds(5), () -> redis.get(routerPrefix(t.key()) + "rule"),
                rule -> ("Host(`" + t.key() + ".it.test`)").equals(rule));
        RedisKeys.await("stray removed", Duration.ofSeconds(5),
                () -> redis.exists(routerPrefix(env.tenantPrefix + "stray") + "rule"), n -> n == 0);
    }

    @Test
    void shouldConvergeAfterRedisRestartMidStream() throws Exception {
        List<TenantSnapshot> tenants = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TenantSnapshot t = Tenants.snapshot(env.newTenantKey(), "ready", 3);
            tenants.add(t);
            registry.put(t);
        }
        for (int i = 0; i < 10; i++) {
            publish(Tenants.event(EventType.TENANT_READY, tenants.get(i)));
        }
        PRIVATE_REDIS.stop();
        for (int i = 10; i < 20; i++) {
            publish(Tenants.event(EventType.TENANT_READY, tenants.get(i)));
        }
        TenantSnapshot suspended = Tenants.snapshot(tenants.get(0).key(), "suspended", 4);
        registry.put(suspended);
        publish(Tenants.event(EventType.TENANT_SUSPENDED, suspended));
        RedisKeys.await("reconcile failure reported", Duration.ofSeconds(15), this::status,
                s -> s.get("last_reconcile_error") != null);
        PRIVATE_REDIS.start();

        for (TenantSnapshot t : tenants.subList(1, 20)) {
            awaitRoutes(t.key());
        }
        RedisKeys.await("suspended tenant", Duration.ofSeconds(15), () -> directory(suspended.key()),
                d -> "suspended".equals(d.get(TenantDirectory.STATUS)));
        assertEquals(Map.of(), tenantRouteKeys(suspended.key()));
        RedisKeys.await("keyspace events restored", Duration.ofSeconds(5),
                () -> redis.configGet("notify-keyspace-events").get("notify-keyspace-events"),
                flags -> new KeyspaceEventsFlags(flags).sufficient());
        assertEquals("1", redis.get(env.root + "/http/routers/gateway-catch-all/priority"));
        RedisKeys.await("reconcile recovered", Duration.ofSeconds(10), this::status,
                s -> s.get("last_reconcile_error") == null);
    }

    private Map<?, ?> status() {
        return http.toBlocking().retrieve(HttpRequest.GET("/routes/status")
                .bearerAuth(serviceTokens.current()), Map.class);
    }

    private void awaitRoutes(String tenant) {
        TreeMap<String, String> expected = new TreeMap<>(planner.tenantRouteKeys(tenant));
        RedisKeys.await("routes of " + tenant, Duration.ofSeconds(15), () -> tenantRouteKeys(tenant),
                expected::equals);
        RedisKeys.await("directory of " + tenant, Duration.ofSeconds(5), () -> directory(tenant),
                d -> "ready".equals(d.get(TenantDirectory.STATUS)));
    }
}
