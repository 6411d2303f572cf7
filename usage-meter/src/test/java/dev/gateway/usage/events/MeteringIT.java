package dev.gateway.usage.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.runtime.support.PrivateNats;
import dev.gateway.usage.support.Api;
import dev.gateway.usage.support.MeterFixture;
import dev.gateway.usage.support.TestEvents;
import dev.gateway.usage.support.Wait;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known events in, exact rollups, activity log, usage hash and API answers out; duplicates and bad events too. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeteringIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private EmbeddedServer meter;
    private Connection nats;
    private JetStream jetStream;
    private Api api;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> redis;

    @BeforeAll
    void start() throws Exception {
        meter = MeterFixture.start(Map.of());
        PrivateNats broker = MeterFixture.nats();
        nats = broker.connect();
        jetStream = nats.jetStream();
        api = new Api("http://127.0.0.1:" + meter.getPort());
        redisClient = RedisClient.create("redis://127.0.0.1:6379");
        redis = redisClient.connect();
    }

    @AfterAll
    void stop() throws Exception {
        redis.close();
        redisClient.shutdown();
        nats.close();
        meter.close();
    }

    @Test
    void shouldCountKnownEventsExactlyOnceEvenWhenEachArrivesTwice() throws Exception {
        String tenant = MeterFixture.newKey();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        TestEvents.publish(jetStream, TestEvents.tenant(EventType.TENANT_READY, tenant, "ready", 3));
        List<EventEnvelope> events = new ArrayList<>();
        long seq = 0;
        events.add(TestEvents.activity(EventType.ACTIVITY_LOGIN_SUCCEEDED, tenant, ++seq, hour.plusSeconds(1), "u1"));
        events.add(TestEvents.activity(EventType.ACTIVITY_LOGIN_SUCCEEDED, tenant, ++seq, hour.plusSeconds(2), "u1"));
        events.add(TestEvents.activity(EventType.ACTIVITY_LOGIN_SUCCEEDED, tenant, ++seq, hour.plusSeconds(3), "u2"));
        events.add(TestEvents.activity(EventType.ACTIVITY_LOGIN_FAILED, tenant, ++seq, hour.plusSeconds(4), null));
        events.add(TestEvents.activity(EventType.ACTIVITY_LOGIN_FAILED, tenant, ++seq, hour.plusSeconds(5), "u9"));
        events.add(TestEvents.activity(EventType.ACTIVITY_PROJECT_CREATED, tenant, ++seq, hour.plusSeconds(6), "u1"));
        events.add(TestEvents.activity(EventType.ACTIVITY_PROJECT_CREATED, tenant, ++seq, hour.plusSeconds(7), "u3"));
        for (int i = 0; i < 4; i++) {
            events.add(TestEvents.activity(EventType.ACTIVITY_TASK_CREATED, tenant, ++seq, hour.plusSeconds(10 + i), "u2"));
        }
        events.add(TestEvents.activity(EventType.ACTIVITY_TASK_COMPLETED, tenant, ++seq, hour.plusSeconds(20), "u2"));
        events.add(TestEvents.activity(EventType.ACTIVITY_SETTINGS_UPDATED, tenant, ++seq, hour.plusSeconds(21), "u1"));
        events.add(TestEvents.requests(tenant, "gw-a", hour, 100, 3, 7, 200));
        events.add(TestEvents.requests(tenant, "gw-a", hour.plusSeconds(10), 50, 1, 0, 100));
        events.add(TestEvents.requests(tenant, "gw-b", hour, 25, 0, 2, 40));
        events.add(TestEvents.storage(tenant, 5_000, hour.plusSeconds(30)));
        events.add(TestEvents.storage(tenant, 7_000, hour.plusSeconds(330)));
        for (EventEnvelope event : events) {
            TestEvents.publish(jetStream, event);
        }
        for (EventEnvelope event : events) {
            TestEvents.republish(jetStream, event);
        }
        MeterRegistry meters = meter.getApplicationContext().getBean(MeterRegistry.class);
        Wait.until("every copy handled", WAIT, () -> handled(meters, "duplicate") >= events.size());

        Map<String, Long> expected = Map.ofEntries(Map.entry("requests", 175L), Map.entry("errors", 4L),
                Map.entry("rate_limited", 9L), Map.entry("db_ms", 340L), Map.entry("active_users", 3L),
                Map.entry("logins", 3L), Map.entry("failed_logins", 2L), Map.entry("projects_created", 2L),
                Map.entry("tasks_created", 4L), Map.entry("tasks_completed", 1L), Map.entry("storage_bytes", 7_000L));
        assertEquals(expected, rollup("hourly", "hour", tenant));
        assertEquals(expected, rollup("daily", "day", tenant));
        assertEquals(13, count("SELECT count(*) FROM usage.activity WHERE tenant = '" + tenant + "'"));

        Map<String, String> hash = redis.sync().hgetall("usage:" + tenant);
        assertEquals(YearMonth.now(ZoneOffset.UTC).toString(), hash.get("period"));
        assertEquals("175", hash.get("requests"));
        assertEquals("9", hash.get("rate_limited"));
        assertEquals("7000", hash.get("storage_bytes"));
        assertNotNull(Instant.parse(hash.get("updated_at")));

        JsonNode usage = api.get("/api/gateway/usage?tenant=" + tenant + "&from=" + hour + "&to=" + hour.plusSeconds(3600),
                "viewer").json();
        assertEquals(1, usage.get("points").size());
        JsonNode point = usage.get("points").get(0);
        assertEquals(hour.toString(), Instant.parse(point.get("t").asText()).toString());
        expected.forEach((column, value) -> assertEquals(value.longValue(), point.get(column).asLong(), column));

        JsonNode top = api.get("/api/gateway/usage/top?metric=rate_limited&limit=100&from=" + hour
                + "&to=" + hour.plusSeconds(3600), "admin").json();
        JsonNode mine = null;
        for (JsonNode item : top.get("items")) {
            if (item.get("tenant").asText().equals(tenant)) {
                mine = item;
            }
        }
        assertNotNull(mine, "tenant in the top list: " + top);
        assertEquals(9, mine.get("value").asLong());
        assertEquals(175, mine.get("requests").asLong());
        assertEquals(7000, mine.get("storage_bytes").asLong());
    }

    @Test
    void shouldDeadLetterAMalformedUsageEventWithItsReasonAndKeepCounting() throws Exception {
        String tenant = MeterFixture.newKey();
        JetStreamSubscription deadLetters = nats.jetStream().subscribe("deadletter.usage-meter-usage",
                PushSubscribeOptions.builder().ordered(true).configuration(ConsumerConfiguration.builder()
                        .deliverPolicy(DeliverPolicy.New).build()).build());
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        EventEnvelope bad = TestEvents.requests(tenant, "gw-x", hour, -5, 0, 0, 0);
        TestEvents.publish(jetStream, bad);
        TestEvents.publish(jetStream, TestEvents.requests(tenant, "gw-x", hour.plusSeconds(10), 12, 0, 1, 3));
        jetStream.publish("usage.requests", "{\"id\":".getBytes(StandardCharsets.UTF_8));

        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Message parked = deadLetters.nextMessage(WAIT);
            assertNotNull(parked, "dead letter " + (i + 1));
            reasons.add(parked.getHeaders().getFirst("Gateway-Dead-Letter-Reason"));
        }
        assertTrue(reasons.contains("usage.requests " + bad.id() + " needs window_start and counts >= 0"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("malformed event")), reasons.toString());
        Wait.until("the good event counted", WAIT,
                () -> Long.valueOf(12).equals(rollup("hourly", "hour", tenant).get("requests")));
    }

    @Test
    void shouldCountActivityOlderThanTheRetentionWithoutListingIt() throws Exception {
        String tenant = MeterFixture.newKey();
        Instant old = Instant.now().minus(Duration.ofDays(45)).truncatedTo(ChronoUnit.HOURS);
        Instant recent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestEvents.publish(jetStream, TestEvents.activity(EventType.ACTIVITY_PROJECT_CREATED, tenant, 1, old, "u1"));
        TestEvents.publish(jetStream, TestEvents.activity(EventType.ACTIVITY_PROJECT_CREATED, tenant, 2, recent, "u1"));

        Wait.until("both counted", WAIT,
                () -> Long.valueOf(2).equals(rollup("daily", "day", tenant).get("projects_created")));
        assertEquals(1, count("SELECT count(*) FROM usage.activity WHERE tenant = '" + tenant + "'"));
        assertEquals(1, count("SELECT count(*) FROM usage.daily WHERE tenant = '" + tenant + "' AND day = '"
                + old.atZone(ZoneOffset.UTC).toLocalDate() + "' AND projects_created = 1"));
    }

    @Test
    void shouldExportTheConsumerLagPerStream() {
        int management = meter.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);
        Api managementApi = new Api("http://127.0.0.1:" + management);
        Wait.until("lag gauges", WAIT, () -> {
            String prometheus = managementApi.get("/prometheus", null, "text/plain").body();
            return prometheus.contains("usage_consumer_lag{stream=\"ACTIVITY\"}")
                    && prometheus.contains("usage_consumer_lag{stream=\"USAGE\"}")
                    && prometheus.contains("usage_consumer_lag{stream=\"TENANTS\"}");
        });
    }

    private static double handled(MeterRegistry meters, String outcome) {
        return meters.find("events.consumer.handled").tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static Map<String, Long> rollup(String table, String bucket, String tenant) {
        try (java.sql.Connection c = MeterFixture.connect(); PreparedStatement select = c.prepareStatement(
                "SELECT requests, errors, rate_limited, db_ms, active_users, logins, failed_logins, projects_created,"
                        + " tasks_created, tasks_completed, storage_bytes FROM usage." + table + " WHERE tenant = ?"
                        + " ORDER BY " + bucket)) {
            select.setString(1, tenant);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, Long> sums = new java.util.TreeMap<>();
                while (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        String column = rows.getMetaData().getColumnName(i);
                        sums.merge(column, rows.getLong(i), column.equals("storage_bytes") ? (a, b) -> b : Long::sum);
                    }
                }
                return sums;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
