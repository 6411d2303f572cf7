package dev.gateway.registry.events;

import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleStreamIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    @Client("/")
    SseClient sse;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties();
    }

    @Test
    void shouldStreamCommittedLifecycleEventsToATokenInTheQuery() {
        Api api = Api.admin(client);
        String token = Api.login(client, "admin", RegistryFixture.ADMIN_PASSWORD);
        List<Event<String>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = Flux.from(sse.eventStream(
                HttpRequest.GET("/api/gateway/events?access_token=" + token), String.class))
                .subscribe(received::add);
        try {
            Await.until(Duration.ofSeconds(5), "first heartbeat",
                    () -> received.stream().anyMatch(e -> "heartbeat".equals(e.getName())));
            String key = Keys.tenantKey();
            api.createTenant(key);
            Await.until(Duration.ofSeconds(5), "tenant.created on the stream", () -> received.stream()
                    .anyMatch(e -> e.getName() == null && e.getData().contains("\"tenant\":\"" + key + "\"")));
            Event<String> created = received.stream().filter(e -> e.getData().contains("\"tenant\":\"" + key + "\""))
                    .findFirst().orElseThrow();
            assertEquals(true, created.getData().contains("\"type\":\"tenant.created\""));
            assertEquals(true, created.getData().contains("\"id\":\"" + created.getId() + "\""));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void shouldRefuseTheStreamWithoutAToken() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/gateway/events")));
        assertEquals(401, refused.getStatus().getCode());
        HttpClientResponseException elsewhere = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/gateway/tenants?access_token="
                        + Api.login(client, "admin", RegistryFixture.ADMIN_PASSWORD))));
        assertEquals(401, elsewhere.getStatus().getCode());
    }
}
