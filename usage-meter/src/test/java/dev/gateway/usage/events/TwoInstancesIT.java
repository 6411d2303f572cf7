package dev.gateway.usage.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.usage.support.MeterFixture;
import dev.gateway.usage.support.TestEvents;
import dev.gateway.usage.support.Wait;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two meters on the same durables and the same store: the work is split, nothing is counted twice. */
class TwoInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldSplitTheWorkAndCountEveryEventOnceBetweenTwoInstances() throws Exception {
        Map<String, Object> small = Map.of("gateway.usage.batch-size", "50");
        try (EmbeddedServer first = MeterFixture.start(small); EmbeddedServer second = MeterFixture.start(small);
             Connection nats = MeterFixture.nats().connect()) {
            JetStream jetStream = nats.jetStream();
            List<String> tenants = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tenants.add(MeterFixture.newKey());
            }
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                String tenant = tenants.get(i % tenants.size());
                events.add(TestEvents.activity(EventType.ACTIVITY_TASK_CREATED, tenant, i + 1, hour.plusMillis(i),
                        "user" + (i % 7)));
            }
            for (int i = 0; i < 200; i++) {
                String tenant = tenants.get(i % tenants.size());
                events.add(TestEvents.requests(tenant, "gw-" + (i % 3), hour.plusSeconds(10L * (i / 30)), 10, 1, 2, 5));
            }
            for (EventEnvelope event : events) {
                TestEvents.publish(jetStream, event);
            }
            for (int i = 0; i < events.size(); i += 3) {
                TestEvents.republish(jetStream, events.get(i));
            }
            int copies = events.size() + (events.size() + 2) / 3;
            Wait.until("every copy handled by one of the two", WAIT,
                    () -> handled(first) + handled(second) >= copies);

            assertTrue(handled(first) > 0 && handled(second) > 0,
                    "both took part: " + handled(first) + " / " + handled(second));
            assertEquals(copies, handled(first) + handled(second), "no copy handled twice");
            for (String tenant : tenants) {
                assertEquals(200, sum("tasks_created", tenant), tenant);
                assertEquals(200, sum("requests", tenant), tenant);
                assertEquals(20, sum("errors", tenant), tenant);
                assertEquals(7, sum("active_users", tenant), tenant);
            }
            assertEquals(2000, count("SELECT count(*) FROM usage.activity WHERE tenant = ANY (ARRAY['"
                    + String.join("','", tenants) + "'])"));
        }
    }

    private static long handled(EmbeddedServer meter) {
        MeterRegistry meters = meter.getApplicationContext().getBean(MeterRegistry.class);
        return (long) meters.find("events.consumer.handled").counters().stream()
                .filter(c -> !"TENANTS".equals(c.getId().getTag("stream"))).mapToDouble(c -> c.count()).sum();
    }

    private static long sum(String column, String tenant) {
        return count("SELECT coalesce(sum(" + column + "), 0) FROM usage.hourly WHERE tenant = '" + tenant + "'");
    }

    private static long count(String sql) {
        try (java.sql.Connection c = MeterFixture.connect(); ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
