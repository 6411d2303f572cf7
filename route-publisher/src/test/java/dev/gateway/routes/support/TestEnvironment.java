package dev.gateway.routes.support;

import dev.gateway.testing.LoopbackPorts;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One isolated slice of the shared Redis and NATS per test context: its own Traefik root, durable suffix,
 * tenant-key prefix and HTTP port (the fake registry lives in the same server).
 */
public final class TestEnvironment {

    public final String id = randomId();
    public final String root = "traefik-it-" + id;
    public final String tenantPrefix = "t" + id + "-";
    public final int port = LoopbackPorts.free();
    private int counter;

    public Map<String, String> properties(String redisUri) {
        Map<String, String> p = new HashMap<>();
        p.put("micronaut.server.port", Integer.toString(port));
        p.put("fake-registry.enabled", "true");
        p.put("gateway.registry.url", "http://127.0.0.1:" + port);
        p.put("gateway.registry.client-secret", FakeRegistry.SECRET);
        p.put("gateway.registry.page-size", "500");
        p.put("gateway.routes.root-key", root);
        p.put("gateway.routes.base-domain", "it.test");
        p.put("gateway.routes.set-keyspace-events", "false");
        p.put("gateway.events.durable-suffix", "-it-" + id);
        p.put("gateway.events.only-tenants", tenantPrefix + ".*");
        p.put("gateway.reconcile.initial-delay", "1h");
        p.put("gateway.reconcile.interval", "1h");
        p.put("redis.uri", redisUri);
        return p;
    }

    public synchronized String newTenantKey() {
        return tenantPrefix + (++counter) + randomId().substring(0, 3);
    }

    private static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder().append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        for (int i = 0; i < 6; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
