package dev.gateway.provisioner.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.provisioner.pool.AdminPools;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ItInfrastructure;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.ApplicationContext;
import io.nats.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two provisioner instances share one durable through its deliver group: each tenant is provisioned once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    static final int TENANTS = 20;

    final Map<String, Object> properties = ProvisionerFixture.properties(ProvisionerFixture.uniqueSuffix());
    final List<String> keys = new ArrayList<>();
    ApplicationContext first;
    ApplicationContext second;
    EventBus bus;

    @BeforeAll
    void start() throws Exception {
        first = ApplicationContext.builder().properties(properties).start();
        second = ApplicationContext.builder().properties(properties).start();
        bus = new EventBus(first.getBean(Connection.class), null);
    }

    @AfterAll
    void stop() {
        bus.close();
        second.close();
        first.close();
        TenantDatabase.cleanup(keys.toArray(String[]::new));
    }

    @Test
    void shouldProvisionEachTenantExactlyOnceAcrossInstancesWithinTheConnectionBudget() throws Exception {
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicLong peakConnections = new AtomicLong();
        Thread sampler = new Thread(() -> {
            // counted on the two instances' own pools: the server-wide pg_stat_activity also shows
            // backends of earlier test classes that are still shutting down
            while (sampling.get()) {
                peakConnections.accumulateAndGet(openAdminConnections(first) + openAdminConnections(second), Math::max);
                Thread.onSpinWait();
            }
        });
        sampler.start();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            TenantEventFactory t = TenantEventFactory.local(ProvisionerFixture.newKey(), "schema");
            keys.add(t.key());
            EventEnvelope created = t.event(EventType.TENANT_CREATED, 1);
            events.add(created);
            bus.publish(created);
        }
        for (EventEnvelope created : events) {
            assertEquals("provisioning.succeeded", bus.awaitResult(created, Duration.ofSeconds(60)).type());
        }
        sampling.set(false);
        sampler.join();

        for (String key : keys) {
            assertEquals(2, TenantDatabase.count(ItInfrastructure.IT_DATABASE,
                    "SELECT count(*) FROM provisioner.outbox WHERE tenant = ?", key), "started + succeeded once for " + key);
        }
        long byFirst = provisioned(first);
        long bySecond = provisioned(second);
        assertEquals(TENANTS, byFirst + bySecond);
        assertTrue(byFirst > 0 && bySecond > 0, "both instances worked: " + byFirst + " / " + bySecond);
        // per instance: maintenance pool + shared-database pool, 4 connections each
        assertTrue(peakConnections.get() > 0 && peakConnections.get() <= 2 * 2 * 4,
                "peak admin connections " + peakConnections.get());
    }

    private static long openAdminConnections(ApplicationContext context) {
        return context.getBean(AdminPools.class).openPools().stream()
                .mapToLong(pool -> pool.getHikariPoolMXBean().getTotalConnections())
                .sum();
    }

    private static long provisioned(ApplicationContext context) {
        return context.getBean(MeterRegistry.class).find("gateway.provisioner.operation").tag("operation", "provision")
                .timers().stream().mapToLong(Timer::count).sum();
    }
}
