package dev.gateway.registry.outbox;

import dev.gateway.events.EventEnvelope;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.FlakyJetStreamPublisher;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RecordingPublisher;
import dev.gateway.registry.support.RegistryFixture;
import dev.gateway.registry.support.TestDb;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An event committed while NATS was unreachable survives a restart and goes out from the next instance. */
class OutboxRestartIT {

    @Test
    void shouldPublishAfterRestartWhatTheStoppedInstanceCouldNotDeliver() {
        String key = Keys.tenantKey();
        try (EmbeddedServer first = start("flaky")) {
            first.getApplicationContext().getBean(FlakyJetStreamPublisher.class).failing(true);
            try (HttpClient client = HttpClient.create(first.getURL())) {
                Api.admin(client).createTenant(key);
            }
            Await.until(Duration.ofSeconds(5), "a failed attempt", () -> TestDb.rows(
                    "SELECT 1 FROM registry.outbox WHERE tenant = ? AND attempts > 0 AND published_at IS NULL", key)
                    .size() == 1);
        }
        try (EmbeddedServer second = start("recording")) {
            RecordingPublisher published = second.getApplicationContext().getBean(RecordingPublisher.class);
            Await.until(Duration.ofSeconds(10), "tenant.created published by the new instance",
                    () -> !published.forTenant(key).isEmpty());
            List<EventEnvelope> events = published.forTenant(key);
            assertEquals(List.of("tenant.created"), events.stream().map(EventEnvelope::type).toList());
            // the publisher sees the event before the relay's transaction marks the row published
            Await.until(Duration.ofSeconds(5), "the row marked published", () -> TestDb.rows(
                    "SELECT 1 FROM registry.outbox WHERE tenant = ? AND published_at IS NULL", key).isEmpty());
        }
    }

    private static EmbeddedServer start(String publisher) {
        Map<String, Object> props = new HashMap<>(RegistryFixture.properties());
        props.put("test.publisher", publisher);
        props.put("gateway.events.consumers-enabled", "false");
        props.put("gateway.outbox.backoff-max", "200ms");
        return ApplicationContext.run(EmbeddedServer.class, props, "test");
    }
}
