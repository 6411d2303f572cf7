package dev.gateway.provisioner.support;

import dev.gateway.testing.LoopbackPorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Properties of a provisioner context under test: its own durable, fast redelivery, test migrations. */
public final class ProvisionerFixture {

    /** Every IT tenant key starts with this, so IT consumers leave other tenants on the shared bus alone. */
    public static final String KEY_PREFIX = "pv";
    public static final String IT_LOCATIONS = "classpath:db/tenant,classpath:db/tenant-it";

    private ProvisionerFixture() {
    }

    public static Map<String, Object> properties(String durableSuffix) {
        ItInfrastructure infra = ItInfrastructure.get();
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", "-1");
        p.put("datasources.default.url", infra.jdbcUrl(ItInfrastructure.IT_DATABASE));
        p.put("datasources.default.username", infra.pgUser);
        p.put("datasources.default.password", infra.pgPassword);
        p.put("datasources.default.maximum-pool-size", "4");
        p.put("nats.default.addresses", infra.natsUrl);
        p.put("gateway.pools.allowed-servers", infra.pgHost + ":" + infra.pgPort);
        p.put("gateway.pools.default-username", infra.pgUser);
        p.put("gateway.pools.default-password", infra.pgPassword);
        p.put("gateway.pools.admin-pool-size", "4");
        p.put("gateway.pools.connect-timeout", "1s");
        p.put("gateway.events.durable-suffix", "-it-" + durableSuffix);
        p.put("gateway.events.deliver-policy", "new");
        p.put("gateway.events.ack-wait", "4s");
        p.put("gateway.events.lanes", "4");
        p.put("gateway.outbox.poll-interval", "500ms");
        p.put("gateway.migrations.locations", IT_LOCATIONS);
        p.put("gateway.backup.dir", backupDir().toString());
        p.put("gateway.events.only-tenants", KEY_PREFIX + "[a-z0-9]+");
        return p;
    }

    /** {@link #properties} as a {@code TestPropertyProvider} returns them. */
    public static Map<String, String> stringProperties(String durableSuffix) {
        Map<String, String> p = new HashMap<>();
        properties(durableSuffix).forEach((k, v) -> p.put(k, v.toString()));
        return p;
    }

    /** A context playing the next release: this build's migrations plus V900, no consumer, no HTTP server. */
    public static Map<String, Object> nextReleaseProperties(Map<String, Object> base) {
        Map<String, Object> p = new HashMap<>(base);
        p.put("gateway.migrations.locations", IT_LOCATIONS + ",classpath:db/tenant-it-next");
        p.put("gateway.events.consumers-enabled", "false");
        p.put("micronaut.server.port", "-1");
        return p;
    }

    public static String uniqueSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random IT tenant key: {@link #KEY_PREFIX}, then {@code prefix} (to steer ordering), then 10 random characters. */
    public static String newKey(String prefix) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder key = new StringBuilder(KEY_PREFIX).append(prefix);
        for (int i = 0; i < 10; i++) {
            key.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return key.toString();
    }

    public static String newKey() {
        return newKey("");
    }

    private static Path backupDir() {
        try {
            return Files.createDirectories(Path.of("target", "it-backups")).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
