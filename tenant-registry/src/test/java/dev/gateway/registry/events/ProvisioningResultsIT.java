package dev.gateway.registry.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;
import dev.gateway.events.Stream;
import dev.gateway.registry.support.AdminApiIT;
import dev.gateway.registry.support.Api;
import dev.gateway.runtime.EventRuntime;
import dev.gateway.runtime.consumer.DurableConsumer;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RecordingPublisher;
import dev.gateway.registry.support.TestDb;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@MicronautTest(transactional = false)
class ProvisioningResultsIT extends AdminApiIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    JetStream jetStream;

    @Inject
    RecordingPublisher published;

    @Inject
    EventRuntime events;

    @Test
    void shouldApplyTheSameSucceededEventOnlyOnce() throws Exception {
        String key = Keys.tenantKey();
        api.createTenant(key);
        EventEnvelope succeeded = EventEnvelope.of(EventType.PROVISIONING_SUCCEEDED, key, 1, null, success(key));
        publish(succeeded, succeeded.id());
        awaitStatus(key, "ready");
        publish(succeeded, UUID.randomUUID().toString());
        publish(EventEnvelope.of(EventType.PROVISIONING_SUCCEEDED, key, 1, null, success(key)), null);
        awaitProcessedAfter(key);

        assertEquals(List.of("tenant.created", "tenant.provisioning", "tenant.ready"), eventTypes(key));
        List<Map<String, Object>> history = api.items(TENANTS + "/" + key + "/events");
        assertEquals(List.of("pending", "provisioning", "ready"), history.stream().map(h -> h.get("to")).toList());
        Map<String, Object> tenant = Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key)));
        assertEquals(3, ((Number) tenant.get("revision")).intValue());
        assertEquals("tenant_" + key + "_db", tenant.get("db_name"));
        assertNotNull(tenant.get("ready_at"));
    }

    @Test
    void shouldMoveThroughProvisioningOnStartedThenSucceeded() throws Exception {
        String key = Keys.tenantKey();
        api.createTenant(key);
        publish(EventEnvelope.of(EventType.PROVISIONING_STARTED, key, 1, null, success(key)), null);
        awaitStatus(key, "provisioning");
        publish(EventEnvelope.of(EventType.PROVISIONING_STARTED, key, 1, null, success(key)), null);
        publish(EventEnvelope.of(EventType.PROVISIONING_SUCCEEDED, key, 1, null, success(key)), null);
        awaitStatus(key, "ready");
        assertEquals(List.of("tenant.created", "tenant.provisioning", "tenant.ready"), eventTypes(key));
        EventEnvelope ready = published.forTenant(key).get(2);
        assertEquals("ready", ready.data().get("status").asText());
        assertEquals(3, ready.revision());
    }

    @Test
    void shouldFailWithReasonThenIgnoreAStaleResultAfterRetry() throws Exception {
        String key = Keys.tenantKey();
        api.createTenant(key);
        publish(EventEnvelope.of(EventType.PROVISIONING_FAILED, key, 1, null, failure(key)), null);
        awaitStatus(key, "failed");
        Map<String, Object> failed = Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key)));
        assertEquals("pool-unreachable: pool 127.0.0.1:1 refused the connection", failed.get("status_reason"));

        assertEquals(202, api.send(HttpRequest.POST(TENANTS + "/" + key + "/retry", "")).code());
        Map<String, Object> retried = Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key)));
        assertEquals("pending", retried.get("status"));
        assertEquals(3, ((Number) retried.get("revision")).intValue());

        EventEnvelope stale = EventEnvelope.of(EventType.PROVISIONING_SUCCEEDED, key, 1, null, success(key));
        publish(stale, null);
        Await.until(WAIT, "stale result recorded", () -> TestDb.rows(
                "SELECT 1 FROM registry.processed_event WHERE event_id = ? AND outcome = 'stale'", stale.id())
                .size() == 1);
        assertEquals("pending", Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key))).get("status"));

        publish(EventEnvelope.of(EventType.PROVISIONING_SUCCEEDED, key, 3, null, success(key)), null);
        awaitStatus(key, "ready");
        assertEquals(List.of("tenant.created", "tenant.failed", "tenant.retried", "tenant.provisioning",
                "tenant.ready"), eventTypes(key));
        EventEnvelope retriedEvent = published.forTenant(key).get(2);
        assertNotNull(retriedEvent.data().get("admin_invitation_hash"));
    }

    @Test
    void shouldDeleteOnDeprovisionedAndGiveTheSeatBack() throws Exception {
        String poolId = api.createPool("del");
        String key = Keys.tenantKey();
        api.send(HttpRequest.POST(TENANTS, Map.of("key", key, "company_name", "Doomed", "pool_id", poolId)));
        publish(EventEnvelope.of(EventType.PROVISIONING_SUCCEEDED, key, 1, null, success(key)), null);
        awaitStatus(key, "ready");
        assertEquals(202, api.send(HttpRequest.DELETE(TENANTS + "/" + key)).code());
        Map<String, Object> deleting = Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key)));
        assertEquals("deleting", deleting.get("status"));
        long deletingRevision = ((Number) deleting.get("revision")).longValue();

        publish(EventEnvelope.of(EventType.PROVISIONING_DEPROVISIONED, key, deletingRevision, null, success(key)),
                null);
        awaitStatus(key, "deleted");
        Map<String, Object> deleted = Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key)));
        assertNotNull(deleted.get("deleted_at"));
        assertEquals(0, ((Number) Api.body(api.send(HttpRequest.GET("/api/gateway/pools/" + poolId)))
                .get("tenant_count")).intValue());
        assertEquals(409, api.send(HttpRequest.POST(TENANTS + "/" + key + "/activate", "")).code());
    }

    @Test
    void shouldAcceptTheGoldenSucceededEvent() throws Exception {
        String key = Keys.tenantKey();
        api.createTenant(key);
        ObjectNode golden;
        try (InputStream in = getClass().getResourceAsStream("/events/provisioning.succeeded.v1.json")) {
            golden = (ObjectNode) new ObjectMapper().readTree(in);
        }
        String id = UUID.randomUUID().toString();
        golden.put("id", id).put("tenant", key).put("revision", 1);
        jetStream.publish(EventType.PROVISIONING_SUCCEEDED.subject(),
                golden.toString().getBytes(StandardCharsets.UTF_8), PublishOptions.builder().messageId(id).build());
        awaitStatus(key, "ready");
        assertEquals("tenant_acme", Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key))).get("db_name"));
    }

    @Test
    void shouldDeadLetterAMalformedMessageAndKeepConsuming() throws Exception {
        String deadLetters = Stream.deadLetterSubject(provisioningDurable());
        JetStreamSubscription dlq = jetStream.subscribe(deadLetters, PushSubscribeOptions.builder().ordered(true)
                .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.New).build()).build());
        String marker = "not json " + UUID.randomUUID();
        jetStream.publish(EventType.PROVISIONING_STARTED.subject(), marker.getBytes(StandardCharsets.UTF_8));
        Message dead = null;
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (dead == null && System.currentTimeMillis() < deadline) {
            Message m = dlq.nextMessage(Duration.ofMillis(500));
            if (m != null && new String(m.getData(), StandardCharsets.UTF_8).equals(marker)) {
                dead = m;
            }
        }
        assertNotNull(dead, "malformed message on " + deadLetters);
        assertEquals("provisioning.started", dead.getHeaders().getFirst("Gateway-Original-Subject"));
        dlq.unsubscribe();

        String key = Keys.tenantKey();
        api.createTenant(key);
        publish(EventEnvelope.of(EventType.PROVISIONING_STARTED, key, 1, null, success(key)), null);
        awaitStatus(key, "provisioning");
    }

    private void publish(EventEnvelope event, String messageId) throws Exception {
        PublishOptions options = messageId == null ? PublishOptions.builder().messageId(event.id()).build()
                : PublishOptions.builder().messageId(messageId).build();
        jetStream.publish(event.type(), EventCodec.encode(event), options);
    }

    /** Consumption is sequential: once a later marker event is applied, everything before it was handled. */
    private void awaitProcessedAfter(String key) throws Exception {
        String marker = Keys.tenantKey();
        api.createTenant(marker);
        publish(EventEnvelope.of(EventType.PROVISIONING_STARTED, marker, 1, null, success(marker)), null);
        awaitStatus(marker, "provisioning");
        Await.until(WAIT, "events of " + key + " relayed", () -> published.forTenant(key).size() >= 3);
    }

    private void awaitStatus(String key, String status) {
        Await.until(WAIT, key + " " + status, () ->
                status.equals(Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key))).get("status")));
        Await.until(WAIT, key + " events relayed", () -> TestDb.rows(
                "SELECT 1 FROM registry.outbox WHERE tenant = ? AND published_at IS NULL", key).isEmpty());
    }

    private List<String> eventTypes(String key) {
        return published.forTenant(key).stream().map(EventEnvelope::type).toList();
    }

    private static ProvisioningResult success(String key) {
        String name = "tenant_" + key;
        return new ProvisioningResult(null, "database", "127.0.0.1", 1, name + "_db", name, name, "1", 12, null,
                null, null);
    }

    private static ProvisioningResult failure(String key) {
        return new ProvisioningResult(null, "database", "127.0.0.1", 1, null, null, null, null, 3,
                "pool-unreachable", "pool 127.0.0.1:1 refused the connection", null);
    }

    /** The provisioning results' durable (the registry also consumes MAIL). */
    private String provisioningDurable() {
        return events.consumers().stream().map(DurableConsumer::durable)
                .filter(d -> d.startsWith("tenant-registry-provisioning")).findFirst().orElseThrow();
    }
}
