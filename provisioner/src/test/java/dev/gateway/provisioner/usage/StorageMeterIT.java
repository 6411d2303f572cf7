package dev.gateway.provisioner.usage;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.StorageUsage;
import dev.gateway.events.Stream;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import dev.gateway.runtime.EventRuntime;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.Connection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storage of schema and database tenants measured in one query per location, and published as usage.storage. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageMeterIT implements TestPropertyProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Connection nats;
    @Inject
    EventRuntime events;
    @Inject
    StorageMeter meter;

    EventBus bus;
    TenantEventFactory schemaTenant;
    TenantEventFactory databaseTenant;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        props.put("gateway.usage.storage-first", "1h");
        return props;
    }

    @BeforeAll
    void provision() throws Exception {
        bus = new EventBus(nats, Stream.deadLetterSubject(events.consumers().get(0).durable()));
        schemaTenant = TenantEventFactory.local(ProvisionerFixture.newKey(), "schema");
        databaseTenant = TenantEventFactory.local(ProvisionerFixture.newKey(), "database");
        for (TenantEventFactory t : new TenantEventFactory[]{schemaTenant, databaseTenant}) {
            EventEnvelope created = t.event(EventType.TENANT_CREATED, 1);
            bus.publish(created);
            assertEquals("provisioning.succeeded", bus.awaitResult(created, TIMEOUT).type());
        }
    }

    @AfterAll
    void cleanup() {
        bus.close();
        TenantDatabase.cleanup(schemaTenant.key(), databaseTenant.key());
    }

    @Test
    void shouldMeasureEveryReadyTenantAndSeeItGrow() {
        Map<String, Long> before = meter.measure();
        assertTrue(before.get(schemaTenant.key()) > 0, before.toString());
        assertTrue(before.get(databaseTenant.key()) > before.get(schemaTenant.key()),
                "a database tenant's own database holds the catalog as well");

        TenantDatabase.execute(TenantDatabase.SHARED_DATABASE, "INSERT INTO " + schemaTenant.objectName()
                + ".settings (key, value) SELECT 'k' || g, to_jsonb(md5(g::text) || repeat('x', 1000)) "
                + "FROM generate_series(1, 2000) g");

        long grown = meter.measure().get(schemaTenant.key());
        assertTrue(grown >= before.get(schemaTenant.key()) + 2_000_000, before + " -> " + grown);
    }

    @Test
    void shouldPublishOneStorageEventPerTenantWithAnIdJetStreamCanDeduplicate() {
        meter.measureAndPublish();

        EventEnvelope published = bus.await(schemaTenant.key(), EventType.USAGE_STORAGE.subject(), e -> true, TIMEOUT);
        StorageUsage usage = published.dataAs(StorageUsage.class);
        assertTrue(usage.bytes() > 0);
        assertEquals(StorageMeter.event(schemaTenant.key(), usage.bytes(), usage.measuredAt()).id(), published.id(),
                "the id is derived from tenant and measuring time");
        bus.await(databaseTenant.key(), EventType.USAGE_STORAGE.subject(), e -> true, TIMEOUT);
    }
}
