package dev.gateway.registry.events;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;
import dev.gateway.events.Stream;
import dev.gateway.registry.support.Api;
import dev.gateway.runtime.EventRuntime;
import dev.gateway.runtime.consumer.DurableConsumer;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisioningDeadLetterIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JetStream jetStream;

    @Inject
    EventRuntime events;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties("test.poisoned-applier", "true", "gateway.events.max-deliver", "3",
                "gateway.events.backoff-initial", "100ms");
    }

    @Test
    void shouldRetryWithBackoffThenDeadLetterAfterMaxDeliveries() throws Exception {
        String key = "tpoison" + UUID.randomUUID().toString().substring(0, 8);
        Api.admin(client).createTenant(key);
        JetStreamSubscription dlq = jetStream.subscribe(Stream.deadLetterSubject(provisioningDurable()),
                PushSubscribeOptions.builder().ordered(true)
                        .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.New).build()).build());
        EventEnvelope started = EventEnvelope.of(EventType.PROVISIONING_STARTED, key, 1, null,
                new ProvisioningResult(null, "database", "127.0.0.1", 1, null, null, null, null, 1, null, null, null));
        jetStream.publish(started.type(), EventCodec.encode(started),
                PublishOptions.builder().messageId(started.id()).build());

        Message dead = null;
        long deadline = System.currentTimeMillis() + 15_000;
        while (dead == null && System.currentTimeMillis() < deadline) {
            Message m = dlq.nextMessage(Duration.ofMillis(500));
            if (m != null && EventCodec.decode(m.getData()).id().equals(started.id())) {
                dead = m;
            }
        }
        assertNotNull(dead, "dead letter for " + started.id());
        assertTrue(dead.getHeaders().getFirst("Gateway-Dead-Letter-Reason").startsWith("gave up after 3 deliveries"));
        assertEquals("provisioning.started", dead.getHeaders().getFirst("Gateway-Original-Subject"));
        Map<String, Object> tenant = Api.body(Api.admin(client).send(HttpRequest.GET("/api/gateway/tenants/" + key)));
        assertEquals("pending", tenant.get("status"));
        assertEquals(null, dlq.nextMessage(Duration.ofSeconds(1)), "dead-lettered once");
        dlq.unsubscribe();
    }

    /** The provisioning results' durable (the registry also consumes MAIL). */
    private String provisioningDurable() {
        return events.consumers().stream().map(DurableConsumer::durable)
                .filter(d -> d.startsWith("tenant-registry-provisioning")).findFirst().orElseThrow();
    }
}
