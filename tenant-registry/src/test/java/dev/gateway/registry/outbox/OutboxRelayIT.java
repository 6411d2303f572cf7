package dev.gateway.registry.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.FlakyJetStreamPublisher;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import dev.gateway.registry.support.TestDb;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real JetStream: the relay's publisher fails for a while, then recovers; nothing is lost, duplicated or reordered. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENVELOPE = Set.of("id", "type", "schema_version", "tenant", "revision",
            "occurred_at", "correlation_id", "data");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    FlakyJetStreamPublisher publisher;

    @Inject
    JetStream jetStream;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties("test.publisher", "flaky",
                // results from a provisioner reacting to these events elsewhere on the shared NATS must not interleave
                "gateway.events.consumers-enabled", "false",
                "gateway.outbox.backoff-initial", "50ms", "gateway.outbox.backoff-max", "500ms");
    }

    @Test
    void shouldDeliverEveryEventOnceAndInOrderAfterThePublisherRecovers() throws Exception {
        Api api = Api.admin(client);
        JetStreamSubscription subscription = jetStream.subscribe("tenant.>", PushSubscribeOptions.builder()
                .ordered(true).configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.New).build())
                .build());
        List<String> keys = List.of(Keys.tenantKey(), Keys.tenantKey());

        publisher.failing(true);
        for (String key : keys) {
            api.createTenant(key);
        }
        for (int i = 0; i < 3; i++) {
            for (String key : keys) {
                assertEquals(200, api.send(HttpRequest.PATCH("/api/gateway/tenants/" + key,
                        Map.of("company_name", "Name " + i))).code());
            }
        }
        Await.until(Duration.ofSeconds(10), "failed publish attempts recorded", () -> TestDb.rows(
                "SELECT 1 FROM registry.outbox WHERE tenant = ? AND attempts >= 2 AND published_at IS NULL"
                        + " AND last_error LIKE '%NATS unreachable%'", keys.get(0)).size() == 1);
        assertEquals(8, TestDb.rows("SELECT 1 FROM registry.outbox WHERE tenant = ANY(?) AND published_at IS NULL",
                (Object) keys.toArray(String[]::new)).size());

        publisher.failing(false);
        Map<String, List<Message>> received = new HashMap<>();
        keys.forEach(k -> received.put(k, new ArrayList<>()));
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline
                && received.values().stream().anyMatch(l -> l.size() < 4)) {
            collect(subscription, received, Duration.ofMillis(500));
        }
        collect(subscription, received, Duration.ofSeconds(1));

        for (String key : keys) {
            List<Message> messages = received.get(key);
            List<String> types = new ArrayList<>();
            List<Long> revisions = new ArrayList<>();
            for (Message m : messages) {
                JsonNode envelope = JSON.readTree(m.getData());
                assertEquals(ENVELOPE, fieldNames(envelope));
                assertEquals(envelope.get("id").asText(), m.getHeaders().getFirst("Nats-Msg-Id"));
                assertEquals(envelope.get("type").asText(), m.getSubject());
                assertEquals(1, envelope.get("schema_version").asInt());
                assertEquals(envelope.get("revision").asLong(), envelope.get("data").get("revision").asLong());
                types.add(envelope.get("type").asText());
                revisions.add(envelope.get("revision").asLong());
            }
            assertEquals(List.of("tenant.created", "tenant.updated", "tenant.updated", "tenant.updated"), types, key);
            assertEquals(List.of(1L, 2L, 3L, 4L), revisions, key);
        }
        assertEquals(0, TestDb.rows("SELECT 1 FROM registry.outbox WHERE tenant = ANY(?) AND published_at IS NULL",
                (Object) keys.toArray(String[]::new)).size());
        assertTrue(publisher.refused() >= 2);
        subscription.unsubscribe();
    }

    @Test
    void shouldEmitTenantCreatedWithTheGoldenFieldSet() throws Exception {
        Api api = Api.admin(client);
        JetStreamSubscription subscription = jetStream.subscribe("tenant.created", PushSubscribeOptions.builder()
                .ordered(true).configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.New).build())
                .build());
        String key = Keys.tenantKey();
        api.send(HttpRequest.POST("/api/gateway/tenants", Map.of("key", key, "company_name", "Golden",
                "admin_email", "ops@golden.example")));
        JsonNode emitted = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (emitted == null && System.currentTimeMillis() < deadline) {
            Message m = subscription.nextMessage(Duration.ofMillis(500));
            if (m != null && JSON.readTree(m.getData()).get("tenant").asText().equals(key)) {
                emitted = JSON.readTree(m.getData());
            }
        }
        assertNotNull(emitted, "tenant.created for " + key);
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/events/tenant.created.v1.json")) {
            golden = JSON.readTree(in);
        }
        assertEquals(fieldNames(golden), fieldNames(emitted));
        assertEquals(fieldNames(golden.get("data")), fieldNames(emitted.get("data")));
        assertEquals(fieldNames(golden.get("data").get("pool")), fieldNames(emitted.get("data").get("pool")));
        assertEquals("pending", emitted.get("data").get("status").asText());
        assertTrue(emitted.get("data").get("admin_invitation_hash").asText().matches("[0-9a-f]{64}"),
                "the SHA-256 of the invitation token: " + emitted.get("data").get("admin_invitation_hash"));
        assertTrue(emitted.get("data").get("features").isArray());
        subscription.unsubscribe();
    }

    private static void collect(JetStreamSubscription subscription, Map<String, List<Message>> received,
                                Duration wait) throws InterruptedException {
        Message m = subscription.nextMessage(wait);
        while (m != null) {
            String tenant;
            try {
                tenant = JSON.readTree(m.getData()).path("tenant").asText();
            } catch (IOException e) {
                tenant = "";
            }
            if (received.containsKey(tenant)) {
                received.get(tenant).add(m);
            }
            m = subscription.nextMessage(Duration.ofMillis(100));
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
