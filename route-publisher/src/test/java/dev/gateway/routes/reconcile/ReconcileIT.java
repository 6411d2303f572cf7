package dev.gateway.routes.reconcile;

import dev.gateway.events.EventType;
import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.registry.RegistryUnavailableException;
import dev.gateway.routes.route.RoutePlan;
import dev.gateway.routes.route.RouteWriter;
import dev.gateway.routes.route.WriteOutcome;
import dev.gateway.routes.support.RoutesItBase;
import dev.gateway.routes.support.Tenants;
import dev.gateway.routes.registry.ServiceTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ReconcileIT extends RoutesItBase {

    @Inject
    Reconciler reconciler;
    @Inject
    RouteWriter writer;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ServiceTokens serviceTokens;

    @Inject
    @Client("http://127.0.0.1:${endpoints.all.port}")
    HttpClient management;

    @BeforeEach
    void emptyRegistry() {
        registry.clear();
    }

    @AfterEach
    void registryUp() {
        registry.down(false);
    }

    @Test
    void shouldRepairManualDamageAndRemoveStrays() {
        List<TenantSnapshot> ready = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ready.add(Tenants.snapshot(env.newTenantKey(), "ready", 3));
        }
        TenantSnapshot suspended = Tenants.snapshot(env.newTenantKey(), "suspended", 4);
        ready.forEach(registry::put);
        registry.put(suspended);
        ReconcileReport initial = reconciler.reconcile();
        assertEquals(4, initial.repaired());
        assertEquals(3, initial.desiredRoutes());
        assertEquals(3, initial.actualRoutes());

        String a = ready.get(0).key();
        String b = ready.get(1).key();
        String c = ready.get(2).key();
        String stray = env.newTenantKey();
        redis.del(routerPrefix(a) + "rule");
        redis.del(TenantDirectory.key(a));
        redis.set(TenantDirectory.key(suspended.key()), "not a hash");
        redis.set(routerPrefix(b) + "rule", "Host(`evil.example.com`)");
        redis.set(routerPrefix(c) + "priority", "100");
        redis.zrem("routes:" + env.root + ":published", c);
        redis.set(routerPrefix(suspended.key()) + "rule", "Host(`" + suspended.key() + ".it.test`)");
        redis.set(routerPrefix(stray) + "rule", "Host(`stray.it.test`)");
        redis.set(routerPrefix(stray) + "service", "app-gateway");
        redis.set(env.root + "/http/middlewares/tenant-" + stray + "-id/headers/customrequestheaders/X-Tenant-ID", stray);
        redis.set(env.root + "/http/services/app-gateway/loadbalancer/servers/0/url", "http://wrong:1");
        redis.set(env.root + "/http/services/app-gateway/loadbalancer/servers/7/url", "http://stale:1");

        ReconcileReport repaired = reconciler.reconcile();

        assertEquals(4, repaired.repaired());
        assertEquals(1, repaired.straysRemoved());
        assertTrue(repaired.sharedRepaired());
        for (TenantSnapshot t : ready) {
            assertEquals(new TreeMap<>(planner.tenantRouteKeys(t.key())), tenantRouteKeys(t.key()), t.key());
            assertNotNull(redis.zscore("routes:" + env.root + ":published", t.key()));
            assertEquals(planner.plan(t, 3).directory(), directory(t.key()));
        }
        assertEquals(Map.of(), tenantRouteKeys(suspended.key()));
        assertEquals(Map.of(), tenantRouteKeys(stray));
        assertEquals(Map.of(env.root + "/http/services/app-gateway/loadbalancer/servers/0/url", "http://app-gateway:8000"),
                dev.gateway.routes.support.RedisKeys.values(redis, env.root + "/http/services/"));
        assertEquals(0, reconciler.reconcile().repaired(), "a converged state needs no repair");
    }

    @Test
    void shouldRebuildAnIndexOfTheWrongType() {
        TenantSnapshot t = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        registry.put(t);
        reconciler.reconcile();
        redis.del("routes:" + env.root + ":published");
        redis.set("routes:" + env.root + ":published", "garbage");

        ReconcileReport report = reconciler.reconcile();

        assertEquals(1, report.repaired());
        assertNotNull(redis.zscore("routes:" + env.root + ":published", t.key()));
    }

    @Test
    void shouldReconcileAThousandTenantsAcrossPages() {
        for (int i = 0; i < 1000; i++) {
            registry.put(Tenants.snapshot(env.newTenantKey(), i % 10 == 0 ? "suspended" : "ready", 2));
        }
        int pagesBefore = registry.pagesServed();

        ReconcileReport first = reconciler.reconcile();

        assertTrue(registry.pagesServed() - pagesBefore >= 2, "paged through the registry");
        assertEquals(1000, first.desiredTenants());
        assertEquals(900, first.desiredRoutes());
        assertEquals(900, first.actualRoutes());
        assertEquals(900 * planner.tenantRouteKeys("sample").size(),
                dev.gateway.routes.support.RedisKeys.scan(redis, env.root + "/http/*/tenant-*").size());
        ReconcileReport second = reconciler.reconcile();
        assertEquals(0, second.repaired());
        assertEquals(900, second.actualRoutesBefore());
    }

    @Test
    void shouldNotUndoANewerEventState() throws Exception {
        TenantSnapshot listed = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        registry.put(listed);
        reconciler.reconcile();
        TenantSnapshot suspended = Tenants.snapshot(listed.key(), "suspended", 4);
        // the registry commits revision 4 (then announces it) while the next reconcile reads its listing
        registry.changeAfterNextListing(suspended);
        publish(Tenants.event(EventType.TENANT_SUSPENDED, suspended));
        awaitDirectory(listed.key(), TenantDirectory.STATUS, "suspended");

        ReconcileReport report = reconciler.reconcile();

        assertEquals(1, report.skippedNewer());
        assertEquals("suspended", directory(listed.key()).get(TenantDirectory.STATUS));
        assertEquals(Map.of(), tenantRouteKeys(listed.key()));
    }

    @Test
    void shouldRepairATamperedDirectoryEntry() {
        TenantSnapshot alpha = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        TenantSnapshot beta = Tenants.snapshot(env.newTenantKey(), "ready", 5);
        registry.put(alpha);
        registry.put(beta);
        reconciler.reconcile();
        redis.hset(TenantDirectory.key(alpha.key()), Map.of(TenantDirectory.ROLE, beta.roleName(),
                TenantDirectory.SCHEMA_NAME, beta.schemaName(), TenantDirectory.DB_NAME, beta.dbName()));

        ReconcileReport report = reconciler.reconcile();

        assertEquals(1, report.repaired());
        assertEquals(planner.plan(alpha, 3).directory(), directory(alpha.key()));
    }

    @Test
    void shouldRepairAnEntryClaimingARevisionTheRegistryNeverHad() {
        TenantSnapshot alpha = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        TenantSnapshot beta = Tenants.snapshot(env.newTenantKey(), "ready", 5);
        TenantSnapshot suspended = Tenants.snapshot(env.newTenantKey(), "suspended", 4);
        TenantSnapshot gamma = Tenants.snapshot(env.newTenantKey(), "ready", 2);
        List.of(alpha, beta, suspended, gamma).forEach(registry::put);
        reconciler.reconcile();
        redis.hset(TenantDirectory.key(alpha.key()), Map.of(TenantDirectory.ROLE, beta.roleName(),
                TenantDirectory.SCHEMA_NAME, beta.schemaName(), TenantDirectory.DB_NAME, beta.dbName(),
                TenantDirectory.REVISION, "999999"));
        redis.hset(TenantDirectory.key(suspended.key()), Map.of(TenantDirectory.STATUS, "ready",
                TenantDirectory.REVISION, "999999"));
        redis.hset(TenantDirectory.key(gamma.key()), Map.of(TenantDirectory.ROLE, beta.roleName(),
                TenantDirectory.REVISION, "1e9"));

        ReconcileReport report = reconciler.reconcile();

        assertEquals(3, report.repaired());
        assertEquals(planner.plan(gamma, 2).directory(), directory(gamma.key()));
        assertEquals(0, report.skippedNewer());
        assertEquals(planner.plan(alpha, 3).directory(), directory(alpha.key()));
        assertEquals(planner.plan(suspended, 4).directory(), directory(suspended.key()));
        assertEquals("3", directory(alpha.key()).get(TenantDirectory.REVISION), "events from revision 4 on apply again");
        assertEquals(0, reconciler.reconcile().repaired());
    }

    @Test
    void shouldNotOverwriteAnEntryThatChangedAfterItWasFoundAhead() throws Exception {
        TenantSnapshot t = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        registry.put(t);
        reconciler.reconcile();
        TenantSnapshot suspended = Tenants.snapshot(t.key(), "suspended", 5);
        publish(Tenants.event(EventType.TENANT_SUSPENDED, suspended));
        awaitDirectory(t.key(), TenantDirectory.STATUS, "suspended");

        WriteOutcome outcome = writer.rewriteAll(List.of(new RouteWriter.Repair(planner.plan(t, 3), List.of(), "999999")))
                .get(0);

        assertEquals(WriteOutcome.Kind.STALE, outcome.kind(), "only the revision found ahead is replaced");
        assertEquals(planner.plan(suspended, 5).directory(), directory(t.key()));
    }

    @Test
    void shouldWriteTheTenantsOwnObjectNamesWhateverTheRegistryListed() {
        TenantSnapshot alpha = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        TenantSnapshot beta = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        registry.put(Tenants.naming(alpha, "database", beta.dbName(), beta.schemaName(), beta.roleName()));

        reconciler.reconcile();

        assertEquals(alpha.roleName(), directory(alpha.key()).get(TenantDirectory.ROLE));
        assertEquals(alpha.schemaName(), directory(alpha.key()).get(TenantDirectory.SCHEMA_NAME));
        assertEquals(alpha.dbName(), directory(alpha.key()).get(TenantDirectory.DB_NAME));
    }

    @Test
    void shouldLeaveDeletedTenantsExpiredDirectoryAlone() {
        TenantSnapshot t = Tenants.snapshot(env.newTenantKey(), "deleted", 9);
        TenantSnapshot longGone = new TenantSnapshot(t.id(), t.key(), t.companyName(), t.plan(), t.ratePerSecond(),
                t.burst(), t.maxUsers(), t.maxProjects(), t.maxStorageMb(), t.features(), t.status(), null, t.isolation(), t.pool(), t.dbName(),
                t.schemaName(), t.roleName(), 9, t.createdAt(), t.updatedAt(), t.readyAt(),
                java.time.Instant.now().minus(java.time.Duration.ofDays(30)), null, null);
        registry.put(longGone);
        assertEquals(RoutePlan.EXPIRED, planner.plan(longGone, 9).directoryTtlSeconds());

        reconciler.reconcile();

        assertEquals(0, redis.exists(TenantDirectory.key(t.key())), "an expired deleted entry is not resurrected");
    }

    @Test
    void shouldAnswerUnknownPathsAndMethodsWithProblems() {
        io.micronaut.http.client.exceptions.HttpClientResponseException missing = assertThrows(
                io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/routes/nope"), String.class));
        assertEquals(404, missing.getStatus().getCode());
        assertEquals("application/problem+json", missing.getResponse().getContentType().orElseThrow().toString());
        assertTrue(missing.getResponse().getBody(String.class).orElseThrow()
                .contains("https://gateway.dev/problems/not-found"));

        io.micronaut.http.client.exceptions.HttpClientResponseException wrongMethod = assertThrows(
                io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.POST("/routes/status", "{}"), String.class));
        assertEquals(405, wrongMethod.getStatus().getCode());
        assertTrue(wrongMethod.getResponse().getBody(String.class).orElseThrow()
                .contains("https://gateway.dev/problems/validation"));
    }

    @Test
    void shouldKeepRoutesAndReportWhenRegistryIsUnreachable() {
        TenantSnapshot t = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        registry.put(t);
        reconciler.reconcile();
        registry.down(true);

        assertThrows(RegistryUnavailableException.class, reconciler::reconcile);

        assertEquals(new TreeMap<>(planner.tenantRouteKeys(t.key())), tenantRouteKeys(t.key()));
        Map<?, ?> status = http.toBlocking().retrieve(HttpRequest.GET("/routes/status")
                .bearerAuth(serviceTokens.current()), Map.class);
        assertEquals(false, status.get("registry_reachable"));
        assertTrue(String.valueOf(status.get("last_registry_error")).contains("503")
                || String.valueOf(status.get("last_registry_error")).contains("Unavailable"), status.toString());
        assertEquals(env.root, status.get("root_key"));
        Map<?, ?> last = (Map<?, ?>) status.get("last_reconcile");
        assertEquals(1, last.get("desired_routes"));
        assertNotNull(last.get("duration_ms"));
        assertNotNull(((Map<?, ?>) status.get("keyspace_events")).get("traefik_can_watch"));

        String openApi = http.toBlocking().retrieve(HttpRequest.GET("/swagger/route-publisher-0.1.yml"));
        assertTrue(openApi.startsWith("openapi:") && openApi.contains("/routes/status"), openApi);

        Map<?, ?> health = management.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
        Map<?, ?> routes = (Map<?, ?>) ((Map<?, ?>) health.get("details")).get("routes");
        assertEquals("unreachable", ((Map<?, ?>) routes.get("details")).get("registry"));

        registry.down(false);
        reconciler.reconcile();
        Map<?, ?> recovered = http.toBlocking().retrieve(HttpRequest.GET("/routes/status")
                .bearerAuth(serviceTokens.current()), Map.class);
        assertEquals(true, recovered.get("registry_reachable"));
        assertNull(redis.get(routerPrefix(t.key()) + "priority"));
        assertFalse(tenantRouteKeys(t.key()).isEmpty());
    }
}
