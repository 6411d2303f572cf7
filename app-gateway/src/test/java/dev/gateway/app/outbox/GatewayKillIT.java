package dev.gateway.app.outbox;

import dev.gateway.app.support.Api;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.StreamMessages;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.app.support.TestServices;
import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.runtime.support.PrivateNats;
import dev.gateway.testing.LoopbackPorts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway process is killed (SIGKILL) in the middle of 500 writes across 20 tenants, after its broker went away, so
 * every change it committed is still in a tenant outbox. A gateway started afterwards relays them (the sweep of the
 * tenants marked pending): stream ACTIVITY then holds exactly one {@code activity.project.created} per project that
 * exists, under its own event id, and none for any write that did not commit.
 */
class GatewayKillIT {

    private static final int TENANTS = 20;
    private static final int WRITES = 500;
    private static final int KILL_AFTER = 250;

    @AfterAll
    static void dropTenants() {
        TenantFixture.dropAll();
    }

    @Test
    void shouldRelayEveryCommittedChangeOnceAfterTheGatewayWasKilled() throws Exception {
        List<ProvisionedTenant> tenants = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(i % 5 == 0 ? TenantFixture.databaseTenant(Map.of()) : TenantFixture.schemaTenant(Map.of()));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (PrivateNats brokerOfTheKilled = PrivateNats.start()) {
            int port = LoopbackPorts.free();
            Process gateway = startGateway(port, brokerOfTheKilled.url());
            try {
                Api api = new Api(URI.create("http://127.0.0.1:" + port));
                awaitHealthy(api, gateway);
                brokerOfTheKilled.stop();
                writeAndKill(api, tenants, gateway, acknowledged);
            } finally {
                gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }

        Map<String, Set<String>> projects = new HashMap<>();
        long left = 0;
        for (ProvisionedTenant tenant : tenants) {
            projects.put(tenant.key(), new HashSet<>(strings(tenant, "SELECT id::text FROM projects")));
            left += strings(tenant, "SELECT id::text FROM outbox").size();
        }
        long committed = projects.values().stream().mapToLong(Set::size).sum();
        assertTrue(acknowledged.size() >= KILL_AFTER && committed < WRITES, committed + " committed");
        assertEquals(committed, left, "every committed change is still in an outbox: the broker was gone");
        assertTrue(projects.values().stream().flatMap(Set::stream).collect(Collectors.toSet())
                .containsAll(acknowledged), "every acknowledged write committed");

        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, restartedProperties())) {
            Map<String, List<StreamMessages.Stored>> relayed = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (true) {
                relayed = StreamMessages.all(TestServices.NATS_URL, Stream.ACTIVITY).stream()
                        .filter(s -> projects.containsKey(s.event().tenant()))
                        .collect(Collectors.groupingBy(s -> s.event().tenant()));
                long seen = relayed.values().stream().mapToLong(List::size).sum();
                if (seen >= committed || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(500);
            }
            for (ProvisionedTenant tenant : tenants) {
                List<StreamMessages.Stored> events = relayed.getOrDefault(tenant.key(), List.of());
                List<String> entities = events.stream().map(s -> {
                    assertEquals(EventType.ACTIVITY_PROJECT_CREATED.subject(), s.event().type());
                    assertEquals(s.event().id(), s.messageId());
                    return s.event().data().get("entity_id").asText();
                }).toList();
                assertEquals(projects.get(tenant.key()), Set.copyOf(entities), tenant.key());
                assertEquals(entities.size(), Set.copyOf(entities).size(), "each change once: " + tenant.key());
            }
            for (ProvisionedTenant tenant : tenants) {
                assertEquals(List.of(), strings(tenant, "SELECT id::text FROM outbox"), "outbox emptied");
            }
            long marksDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (tenants.stream().anyMatch(GatewayKillIT::marked) && System.nanoTime() < marksDeadline) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), tenants.stream().filter(GatewayKillIT::marked).map(ProvisionedTenant::key).toList(),
                    "the sweep clears the mark of an emptied outbox");
        }
    }

    private static void writeAndKill(Api api, List<ProvisionedTenant> tenants, Process gateway,
                                     Set<String> acknowledged) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            writers.execute(() -> {
                for (int i = next.getAndIncrement(); i < WRITES; i = next.getAndIncrement()) {
                    ProvisionedTenant tenant = tenants.get(i % TENANTS);
                    try {
                        Api.Reply reply = api.post("/api/projects", "{\"name\":\"p-" + i + "\"}", "X-Tenant-ID",
                                tenant.key());
                        if (reply.status() == 201) {
                            acknowledged.add((String) reply.json().get("id"));
                        }
                    } catch (RuntimeException killed) {
                        // the gateway is gone: whether this write committed, the database says
                    }
                    if (acknowledged.size() >= KILL_AFTER && gateway.isAlive()) {
                        gateway.destroyForcibly();
                    }
                }
            });
        }
        writers.shutdown();
        assertTrue(writers.awaitTermination(120, TimeUnit.SECONDS));
    }

    private static Process startGateway(int port, String natsUrl) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        Map<String, String> properties = new HashMap<>(commonProperties());
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("nats.default.addresses", natsUrl);
        properties.put("gateway.usage.metering", "false");
        // above the ephemeral range, as application-test.yml picks the tests' management ports
        properties.put("endpoints.all.port", Integer.toString(61000 + new java.util.Random().nextInt(4535)));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("dev.gateway.app.Application");
        File log = new File("target/gateway-kill-it.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static Map<String, Object> restartedProperties() {
        Map<String, Object> properties = new HashMap<>(commonProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("nats.default.addresses", TestServices.NATS_URL);
        properties.put("gateway.tenant-outbox.sweep-interval", "200ms");
        properties.put("gateway.tenant-outbox.sweep-grace", "1s");
        return properties;
    }

    private static Map<String, String> commonProperties() {
        return Map.of("gateway.home", "target/it-home-kill",
                "gateway.redis.uri", TestServices.REDIS_URI,
                "gateway.access-log.enabled", "false",
                "gateway.auth.allow-header-only", "true",
                "gateway.db.servers", TestServices.PG_HOST + ":" + TestServices.PG_PORT);
    }

    private static void awaitHealthy(Api api, Process gateway) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && gateway.isAlive()) {
            try {
                if (api.get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the gateway process did not start (see target/gateway-kill-it.log)");
    }

    private static boolean marked(ProvisionedTenant tenant) {
        return TenantFixture.redisCommands().zscore("outbox:pending", tenant.key()) != null;
    }

    private static List<String> strings(ProvisionedTenant tenant, String sql) {
        try (Connection c = TenantFixture.connectAsTenant(tenant); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
