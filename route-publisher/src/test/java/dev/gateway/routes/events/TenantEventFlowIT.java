package dev.gateway.routes.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.RouteChange;
import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.support.RedisKeys;
import dev.gateway.routes.support.RoutesItBase;
import dev.gateway.routes.support.Tenants;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class TenantEventFlowIT extends RoutesItBase {

    @Inject
    RedisClient redisClient;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("gateway.events.max-deliver", "3");
        return properties;
    }

    @Test
    void shouldPublishRoutesDirectoryAndAnnounceWhenReady() throws Exception {
        String key = env.newTenantKey();
        StatefulRedisPubSubConnection<String, String> pubSub = redisClient.connectPubSub();
        BlockingQueue<String> announced = new LinkedBlockingQueue<>();
        pubSub.addListener(new io.lettuce.core.pubsub.RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                announced.add(message);
            }
        });
        pubSub.sync().subscribe(TenantDirectory.CHANNEL);
        try {
            EventEnvelope ready = Tenants.event(EventType.TENANT_READY, Tenants.snapshot(key, "ready", 3));
            publish(ready);

            awaitDirectory(key, TenantDirectory.STATUS, "ready");
            assertEquals(new TreeMap<>(planner.tenantRouteKeys(key)), tenantRouteKeys(key));
            assertEquals("Host(`" + key + ".it.test`)", redis.get(routerPrefix(key) + "rule"));
            Map<String, String> shared = RedisKeys.values(redis, env.root + "/http/services/app-gateway/");
            assertEquals("http://app-gateway:8000", shared.get(env.root + "/http/services/app-gateway/loadbalancer/servers/0/url"));
            assertEquals("1", redis.get(env.root + "/http/routers/gateway-catch-all/priority"));
            assertNotNull(redis.zscore("routes:" + env.root + ":published", key), "index entry");
            Map<String, String> dir = directory(key);
            assertEquals("3", dir.get(TenantDirectory.REVISION));
            assertEquals("tenant_" + key.replace('-', '_'), dir.get(TenantDirectory.ROLE));
            assertEquals("5432", dir.get(TenantDirectory.POOL_PORT));
            assertEquals("projects,tasks", dir.get(TenantDirectory.FEATURES));

            EventEnvelope published = events.awaitRouteEvent(key, "route.published", 3);
            assertEquals(ready.id(), published.correlationId());
            RouteChange change = published.dataAs(RouteChange.class);
            assertEquals("tenant-" + key, change.router());
            assertEquals("Host(`" + key + ".it.test`)", change.rule());
            assertEquals(List.copyOf(planner.tenantRouteKeys(key).keySet()), change.keys());
            assertTrue(pollFor(announced, key), "tenant-directory announcement");
        } finally {
            pubSub.close();
        }
    }

    @Test
    void shouldRemoveRouterOnSuspendAndRestoreOnActivate() throws Exception {
        String key = env.newTenantKey();
        publish(Tenants.event(EventType.TENANT_READY, Tenants.snapshot(key, "ready", 3)));
        awaitDirectory(key, TenantDirectory.STATUS, "ready");

        publish(Tenants.event(EventType.TENANT_SUSPENDED, Tenants.snapshot(key, "suspended", 4)));
        awaitDirectory(key, TenantDirectory.STATUS, "suspended");
        assertEquals(Map.of(), tenantRouteKeys(key));
        assertNull(redis.zscore("routes:" + env.root + ":published", key));
        EventEnvelope removed = events.awaitRouteEvent(key, "route.removed", 4);
        assertNull(removed.dataAs(RouteChange.class).rule());
        assertEquals("1", redis.get(env.root + "/http/routers/gateway-catch-all/priority"),
                "the catch-all keeps sending the host to the app-gateway for its 503");

        publish(Tenants.event(EventType.TENANT_ACTIVATED, Tenants.snapshot(key, "ready", 5)));
        awaitDirectory(key, TenantDirectory.REVISION, "5");
        assertEquals(new TreeMap<>(planner.tenantRouteKeys(key)), tenantRouteKeys(key));
        events.awaitRouteEvent(key, "route.published", 5);
    }

    @Test
    void shouldWriteTheTenantsOwnObjectNamesWhateverTheEventNames() throws Exception {
        String alpha = env.newTenantKey();
        TenantSnapshot beta = Tenants.snapshot(env.newTenantKey(), "ready", 3);
        publish(Tenants.event(EventType.TENANT_READY, Tenants.naming(Tenants.snapshot(alpha, "ready", 3), "database",
                beta.dbName(), beta.schemaName(), beta.roleName())));

        Map<String, String> dir = awaitDirectory(alpha, TenantDirectory.STATUS, "ready");

        String own = "tenant_" + alpha.replace('-', '_');
        assertEquals(own, dir.get(TenantDirectory.ROLE));
        assertEquals(own, dir.get(TenantDirectory.SCHEMA_NAME));
        assertEquals(own, dir.get(TenantDirectory.DB_NAME));
    }

    @Test
    void shouldUpdateDirectoryOnPlanChange() throws Exception {
        String key = env.newTenantKey();
        publish(Tenants.event(EventType.TENANT_READY, Tenants.snapshot(key, "ready", 3)));
        awaitDirectory(key, TenantDirectory.STATUS, "ready");

        publish(Tenants.event(EventType.TENANT_UPDATED, Tenants.snapshot(key, "ready", 4, "enterprise", 500)));
        Map<String, String> dir = awaitDirectory(key, TenantDirectory.REVISION, "4");
        assertEquals("enterprise", dir.get(TenantDirectory.PLAN));
        assertEquals("500", dir.get(TenantDirectory.RATE_PER_SECOND));
        assertEquals("1000", dir.get(TenantDirectory.BURST));
        assertEquals(new TreeMap<>(planner.tenantRouteKeys(key)), tenantRouteKeys(key));
    }

    @Test
    void shouldReflectNonRoutableStatusesWithoutRouter() throws Exception {
        String key = env.newTenantKey();
        publish(Tenants.event(EventType.TENANT_PROVISIONING, Tenants.snapshot(key, "provisioning", 2)));
        awaitDirectory(key, TenantDirectory.STATUS, "provisioning");
        assertEquals(Map.of(), tenantRouteKeys(key));

        publish(Tenants.event(EventType.TENANT_FAILED, Tenants.snapshot(key, "failed", 3)));
        awaitDirectory(key, TenantDirectory.STATUS, "failed");
        assertEquals(Map.of(), tenantRouteKeys(key));
        assertEquals(-1, redis.ttl(TenantDirectory.key(key)));
    }

    @Test
    void shouldRemoveEveryKeyAndKeepDeletedEntryForSevenDays() throws Exception {
        String key = env.newTenantKey();
        publish(Tenants.event(EventType.TENANT_READY, Tenants.snapshot(key, "ready", 3)));
        awaitDirectory(key, TenantDirectory.STATUS, "ready");

        publish(Tenants.event(EventType.TENANT_DELETING, Tenants.snapshot(key, "deleting", 4)));
        awaitDirectory(key, TenantDirectory.STATUS, "deleting");
        assertEquals(Map.of(), tenantRouteKeys(key));

        publish(Tenants.event(EventType.TENANT_DELETED, Tenants.snapshot(key, "deleted", 5)));
        awaitDirectory(key, TenantDirectory.STATUS, "deleted");
        assertEquals(Map.of(), tenantRouteKeys(key));
        assertEquals(0, redis.exists("routes:" + env.root + ":owned:" + key));
        long ttl = redis.ttl(TenantDirectory.key(key));
        assertTrue(ttl > Duration.ofDays(7).toSeconds() - 60 && ttl <= Duration.ofDays(7).toSeconds(), "ttl " + ttl);
        events.awaitRouteEvent(key, "route.removed", 5);
    }

    @Test
    void shouldIgnoreStaleRevisionDeliveredOutOfOrder() throws Exception {
        String key = env.newTenantKey();
        publish(Tenants.event(EventType.TENANT_SUSPENDED, Tenants.snapshot(key, "suspended", 6)));
        awaitDirectory(key, TenantDirectory.STATUS, "suspended");

        PublishAck late = publish(Tenants.event(EventType.TENANT_READY, Tenants.snapshot(key, "ready", 5)));
        awaitProcessed(late);

        Map<String, String> dir = directory(key);
        assertEquals("suspended", dir.get(TenantDirectory.STATUS));
        assertEquals("6", dir.get(TenantDirectory.REVISION));
        assertEquals(Map.of(), tenantRouteKeys(key));
        assertTrue(events.routeEvents(key).stream().noneMatch(e -> e.type().equals("route.published")));
    }

    @Test
    void shouldIgnoreDuplicateDeliveryAndReannounceUnderTheSameId() throws Exception {
        String key = env.newTenantKey();
        EventEnvelope ready = Tenants.event(EventType.TENANT_READY, Tenants.snapshot(key, "ready", 3));
        publish(ready);
        awaitDirectory(key, TenantDirectory.STATUS, "ready");
        EventEnvelope first = events.awaitRouteEvent(key, "route.published", 3);
        redis.hset(TenantDirectory.key(key), TenantDirectory.PLAN, "marker-not-rewritten");

        PublishAck copy = jetStream.publish(ready.type(), dev.gateway.events.EventCodec.encode(ready),
                io.nats.client.PublishOptions.builder().messageId(ready.id() + "-redelivered").build());
        awaitProcessed(copy);

        assertEquals("marker-not-rewritten", directory(key).get(TenantDirectory.PLAN), "duplicate must not write");
        List<String> ids = events.routeEvents(key).stream().filter(e -> e.type().equals("route.published"))
                .map(EventEnvelope::id).distinct().toList();
        assertEquals(List.of(first.id()), ids, "a re-announcement reuses the Nats-Msg-Id, JetStream drops it");
    }

    @Test
    void shouldDeadLetterAnEventWhoseDataContradictsItsEnvelope() throws Exception {
        String key = env.newTenantKey();
        TenantSnapshot other = Tenants.snapshot(env.newTenantKey(), "ready", 2);
        EventEnvelope bad = EventEnvelope.of(EventType.TENANT_READY, key, 2, null, other);
        publish(bad);

        Message parked = events.awaitDeadLetter(bad.id());
        assertTrue(parked.getHeaders().getFirst("Gateway-Dead-Letter-Reason").contains("differs"));
        assertEquals(Map.of(), directory(key));
        assertEquals(Map.of(), directory(other.key()));
    }

    @Test
    void shouldRetryAFailingWriteAndDeadLetterItAfterMaxDeliveries() throws Exception {
        String key = env.newTenantKey();
        String index = "routes:" + env.root + ":published";
        redis.del(index);
        redis.set(index, "not a sorted set");
        try {
            EventEnvelope ready = Tenants.event(EventType.TENANT_READY, Tenants.snapshot(key, "ready", 3));
            publish(ready);

            Message parked = events.awaitDeadLetter(ready.id());
            String reason = parked.getHeaders().getFirst("Gateway-Dead-Letter-Reason");
            assertTrue(reason.startsWith("gave up after 3 deliveries") && reason.contains("WRONGTYPE"), reason);
            assertEquals(Map.of(), tenantRouteKeys(key), "the failed script wrote nothing");
            assertEquals(Map.of(), directory(key));
        } finally {
            redis.del(index);
        }
    }

    @Test
    void shouldRepairADirectoryEntryOfTheWrongType() throws Exception {
        String key = env.newTenantKey();
        redis.set(TenantDirectory.key(key), "not a hash");
        publish(Tenants.event(EventType.TENANT_READY, Tenants.snapshot(key, "ready", 3)));

        awaitDirectory(key, TenantDirectory.STATUS, "ready");
        assertEquals(new TreeMap<>(planner.tenantRouteKeys(key)), tenantRouteKeys(key));
    }

    private static boolean pollFor(BlockingQueue<String> queue, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String next = queue.poll(100, TimeUnit.MILLISECONDS);
            if (expected.equals(next)) {
                return true;
            }
        }
        return false;
    }
}
