package dev.gateway.routes.route;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.support.Tenants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the produced key/value set against the Traefik v3 KV provider reference
 * (doc.traefik.io, routing-configuration/other-providers/kv): every key a documented path, names without
 * '@', list indexes contiguous from 0, v3 rule syntax with backticks, numeric priority, absolute URLs,
 * and every referenced middleware and service defined.
 */
class TraefikKvReferenceTest {

    private static final String NAME = "([^/@]+)";
    private static final List<Pattern> REFERENCE_PATHS = List.of(
            Pattern.compile("http/routers/" + NAME + "/rule"),
            Pattern.compile("http/routers/" + NAME + "/priority"),
            Pattern.compile("http/routers/" + NAME + "/service"),
            Pattern.compile("http/routers/" + NAME + "/entrypoints/(\\d+)"),
            Pattern.compile("http/routers/" + NAME + "/middlewares/(\\d+)"),
            Pattern.compile("http/routers/" + NAME + "/tls/certresolver"),
            Pattern.compile("http/middlewares/" + NAME + "/headers/customrequestheaders/([A-Za-z0-9-]+)"),
            Pattern.compile("http/services/" + NAME + "/loadbalancer/servers/(\\d+)/url"));
    private static final Pattern HOST_RULE = Pattern.compile("Host\\(`[a-z0-9]([a-z0-9.-]*[a-z0-9])?`\\)");
    private static final Pattern HOST_REGEXP_RULE = Pattern.compile("HostRegexp\\(`[^`]+`\\)");

    @Test
    void shouldProduceOnlyReferenceKeysWithWellFormedValues() {
        RoutePlanner planner = planner(properties("traefik", List.of("web"), List.of("http://app-gateway:8000"), null));
        Map<String, String> kv = new TreeMap<>(planner.tenantRouteKeys("acme"));
        kv.putAll(planner.sharedKeys());

        assertReferenceConform("traefik", kv);
        assertEquals("Host(`acme.example.com`)", kv.get("traefik/http/routers/tenant-acme/rule"));
        assertEquals("web", kv.get("traefik/http/routers/tenant-acme/entrypoints/0"));
        assertEquals("app-gateway", kv.get("traefik/http/routers/tenant-acme/service"));
        assertEquals("tenant-acme-id", kv.get("traefik/http/routers/tenant-acme/middlewares/0"));
        assertEquals("acme", kv.get("traefik/http/middlewares/tenant-acme-id/headers/customrequestheaders/X-Tenant-ID"));
        assertEquals("http://app-gateway:8000", kv.get("traefik/http/services/app-gateway/loadbalancer/servers/0/url"));
        assertEquals("1", kv.get("traefik/http/routers/gateway-catch-all/priority"));
        String catchAll = kv.get("traefik/http/routers/gateway-catch-all/rule");
        assertTrue(HOST_REGEXP_RULE.matcher(catchAll).matches());
        Pattern anyHost = Pattern.compile(catchAll.substring("HostRegexp(`".length(), catchAll.length() - 2));
        for (String host : List.of("example.com", "localhost", "suspended.example.com")) {
            assertTrue(anyHost.matcher(host).matches(), "the base domain (landing, sign-up) and hosts without a "
                    + "router of their own reach the app-gateway: " + host);
        }
        assertFalse(kv.keySet().stream().anyMatch(k -> k.contains("/tls/")), "no TLS unless configured");
    }

    @Test
    void shouldMatchTheGoldenRouteKeysOfDesignSection6() throws IOException {
        RoutePlanner planner = planner(properties("traefik", List.of("web"), List.of("http://app-gateway:8000"), null));
        EventEnvelope golden = golden("route.published");
        List<String> goldenKeys = new java.util.ArrayList<>();
        golden.data().get("keys").forEach(n -> goldenKeys.add(n.asText()));
        assertEquals(goldenKeys, List.copyOf(planner.tenantRouteKeys("acme").keySet()));
    }

    @Test
    void shouldHonourRootEntrypointsUpstreamsAndCertResolver() {
        RoutePlanner planner = planner(properties("edge", List.of("web", "websecure"),
                List.of("http://gw-1:8000", "http://gw-2:8000"), "letsencrypt"));
        Map<String, String> kv = new TreeMap<>(planner.tenantRouteKeys("acme-co"));
        kv.putAll(planner.sharedKeys());

        assertReferenceConform("edge", kv);
        assertEquals("websecure", kv.get("edge/http/routers/tenant-acme-co/entrypoints/1"));
        assertEquals("letsencrypt", kv.get("edge/http/routers/tenant-acme-co/tls/certresolver"));
        assertEquals("letsencrypt", kv.get("edge/http/routers/gateway-catch-all/tls/certresolver"));
        assertEquals("http://gw-2:8000", kv.get("edge/http/services/app-gateway/loadbalancer/servers/1/url"));
    }

    @Test
    void shouldAcceptTheGoldenReadyEventAndFillEveryDirectoryField() throws IOException {
        RoutePlanner planner = planner(properties("traefik", List.of("web"), List.of("http://app-gateway:8000"), null));
        EventEnvelope golden = golden("tenant.ready");
        RoutePlan plan = planner.plan(golden.dataAs(TenantSnapshot.class), golden.revision());

        assertTrue(plan.routable());
        assertEquals(EventType.ROUTE_PUBLISHED, plan.announcement());
        Map<String, String> expected = new HashMap<>();
        expected.put(TenantDirectory.STATUS, "ready");
        expected.put(TenantDirectory.COMPANY_NAME, "Acme Logistics");
        expected.put(TenantDirectory.PLAN, "starter");
        expected.put(TenantDirectory.RATE_PER_SECOND, "50");
        expected.put(TenantDirectory.BURST, "100");
        expected.put(TenantDirectory.MAX_USERS, "25");
        expected.put(TenantDirectory.MAX_PROJECTS, "100");
        expected.put(TenantDirectory.MAX_STORAGE_MB, "5000");
        expected.put(TenantDirectory.FEATURES, "projects,tasks");
        expected.put(TenantDirectory.ISOLATION, "database");
        expected.put(TenantDirectory.POOL_HOST, "127.0.0.1");
        expected.put(TenantDirectory.POOL_PORT, "5432");
        expected.put(TenantDirectory.DB_NAME, "tenant_acme");
        expected.put(TenantDirectory.SCHEMA_NAME, "tenant_acme");
        expected.put(TenantDirectory.ROLE, "tenant_acme");
        expected.put(TenantDirectory.REVISION, "3");
        assertEquals(expected, plan.directory());
    }

    @Test
    void shouldRouteOnlyReadyTenantsAndAnnounceRemovals() {
        RoutePlanner planner = planner(properties("traefik", List.of("web"), List.of("http://app-gateway:8000"), null));
        for (String status : List.of("pending", "provisioning", "failed")) {
            RoutePlan plan = planner.plan(Tenants.snapshot("acme", status, 2), 2);
            assertFalse(plan.routable(), status);
            assertNull(plan.announcement(), status);
            assertEquals(status, plan.directory().get(TenantDirectory.STATUS));
        }
        for (String status : List.of("suspended", "deleting", "deleted")) {
            RoutePlan plan = planner.plan(Tenants.snapshot("acme", status, 2), 2);
            assertFalse(plan.routable(), status);
            assertEquals(EventType.ROUTE_REMOVED, plan.announcement(), status);
        }
    }

    @Test
    void shouldExpireDeletedEntriesSevenDaysAfterDeletion() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        RouteProperties props = properties("traefik", List.of("web"), List.of("http://app-gateway:8000"), null);
        RoutePlanner planner = new RoutePlanner(props, new TraefikKeys(props), Clock.fixed(now, ZoneOffset.UTC));
        TenantSnapshot base = Tenants.snapshot("acme", "deleted", 9);

        assertEquals(Duration.ofDays(7).toSeconds(), planner.plan(withDeletedAt(base, now), 9).directoryTtlSeconds());
        assertEquals(Duration.ofDays(1).toSeconds(),
                planner.plan(withDeletedAt(base, now.minus(Duration.ofDays(6))), 9).directoryTtlSeconds());
        assertEquals(RoutePlan.EXPIRED,
                planner.plan(withDeletedAt(base, now.minus(Duration.ofDays(8))), 9).directoryTtlSeconds());
        assertEquals(0, planner.plan(Tenants.snapshot("acme", "ready", 9), 9).directoryTtlSeconds());
    }

    @Test
    void shouldAttributeKeysToTheirTenant() {
        TraefikKeys keys = new TraefikKeys(properties("traefik", List.of("web"), List.of("http://x:1"), null));
        assertEquals("acme", keys.tenantOf("traefik/http/routers/tenant-acme/rule").orElseThrow());
        assertEquals("acme-id-x", keys.tenantOf("traefik/http/routers/tenant-acme-id-x/service").orElseThrow());
        assertEquals("acme", keys.tenantOf("traefik/http/middlewares/tenant-acme-id/headers/x").orElseThrow());
        assertTrue(keys.tenantOf("traefik/http/routers/gateway-catch-all/rule").isEmpty());
        assertTrue(keys.tenantOf("traefik/http/services/app-gateway/loadbalancer/servers/0/url").isEmpty());
    }

    private static void assertReferenceConform(String root, Map<String, String> kv) {
        Map<String, java.util.Set<Integer>> lists = new HashMap<>();
        java.util.Set<String> middlewares = new java.util.HashSet<>();
        java.util.Set<String> services = new java.util.HashSet<>();
        kv.forEach((key, value) -> {
            assertTrue(key.startsWith(root + "/"), key);
            String path = key.substring(root.length() + 1);
            Matcher m = REFERENCE_PATHS.stream().map(p -> p.matcher(path)).filter(Matcher::matches).findFirst()
                    .orElseThrow(() -> new AssertionError("not a Traefik v3 KV path: " + key));
            assertFalse(value.isBlank(), key);
            if (path.startsWith("http/middlewares/")) {
                middlewares.add(m.group(1));
            }
            if (path.startsWith("http/services/")) {
                services.add(m.group(1));
            }
            if (m.groupCount() == 2 && m.group(2).matches("\\d+")) {
                lists.computeIfAbsent(key.substring(0, key.lastIndexOf('/', key.length() - (path.endsWith("/url") ? 5 : 1))),
                        k -> new java.util.TreeSet<>()).add(Integer.parseInt(m.group(2)));
            }
            if (path.endsWith("/rule")) {
                assertTrue(HOST_RULE.matcher(value).matches() || HOST_REGEXP_RULE.matcher(value).matches(), value);
            }
            if (path.endsWith("/priority")) {
                assertTrue(value.matches("\\d+"), value);
            }
            if (path.endsWith("/url")) {
                URI uri = URI.create(value);
                assertTrue(uri.isAbsolute() && uri.getHost() != null && uri.getScheme().startsWith("http"), value);
            }
        });
        lists.forEach((list, indexes) -> assertEquals(indexes.size() - 1, ((java.util.TreeSet<Integer>) indexes).last(),
                "indexes of " + list + " must be contiguous from 0: " + indexes));
        kv.forEach((key, value) -> {
            if (key.matches(".*/http/routers/[^/]+/middlewares/\\d+")) {
                assertTrue(middlewares.contains(value), "undefined middleware " + value);
            }
            if (key.matches(".*/http/routers/[^/]+/service")) {
                assertTrue(services.contains(value), "undefined service " + value);
            }
        });
    }

    private static TenantSnapshot withDeletedAt(TenantSnapshot t, Instant deletedAt) {
        return new TenantSnapshot(t.id(), t.key(), t.companyName(), t.plan(), t.ratePerSecond(), t.burst(),
                t.maxUsers(), t.maxProjects(), t.maxStorageMb(), t.features(), t.status(), t.statusReason(), t.isolation(), t.pool(), t.dbName(),
                t.schemaName(), t.roleName(), t.revision(), t.createdAt(), t.updatedAt(), t.readyAt(), deletedAt,
                null, null);
    }

    private static EventEnvelope golden(String type) throws IOException {
        try (InputStream in = TraefikKvReferenceTest.class.getResourceAsStream("/events/" + type + ".v1.json")) {
            return EventCodec.decode(in.readAllBytes());
        }
    }

    private static RoutePlanner planner(RouteProperties properties) {
        return new RoutePlanner(properties, new TraefikKeys(properties));
    }

    static RouteProperties properties(String root, List<String> entrypoints, List<String> upstreams, String resolver) {
        return new RouteProperties(root, "example.com", entrypoints, upstreams, resolver, Duration.ofDays(7), false);
    }
}
