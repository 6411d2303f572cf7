package dev.gateway.registry.events;

import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.HttpClient;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stream lives no longer than the token that opened it: a revoked operator's UI stops hearing events. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamExpiryIT implements TestPropertyProvider {

    private static final int TTL_SECONDS = 3;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    @Client("/")
    SseClient sse;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties("gateway.auth.token-ttl-seconds", String.valueOf(TTL_SECONDS));
    }

    @Test
    void shouldCloseTheStreamWhenItsTokenExpires() {
        Instant issued = Instant.now();
        String token = Api.login(client, "admin", RegistryFixture.ADMIN_PASSWORD);
        List<Event<String>> received = new CopyOnWriteArrayList<>();
        AtomicReference<Instant> closed = new AtomicReference<>();
        Disposable subscription = Flux.from(sse.eventStream(
                        HttpRequest.GET("/api/gateway/events?access_token=" + token), String.class))
                .doFinally(signal -> closed.set(Instant.now()))
                .subscribe(received::add, error -> { });
        try {
            Await.until(Duration.ofSeconds(5), "first heartbeat", () -> !received.isEmpty());
            assertFalse(closed.get() != null, "open while the token is valid");
            Await.until(Duration.ofSeconds(TTL_SECONDS + 5), "the stream to close", () -> closed.get() != null);
            Duration lived = Duration.between(issued, closed.get());
            assertTrue(lived.compareTo(Duration.ofSeconds(TTL_SECONDS - 1)) >= 0, "closed too early: " + lived);
        } finally {
            subscription.dispose();
        }
    }
}
