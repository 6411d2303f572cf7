package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.support.Await;
import dev.gateway.runtime.support.PrivateNats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's NATS connection, as the Micronaut binding builds it, against a nats-server of the test's own. */
class NatsClientThreadsIT {

    /** More dispatchers than micronaut-nats' own fixed pool leaves room for during a reconnect. */
    private static final int DISPATCHERS = 6;

    @Test
    void shouldGetBackAfterTheBrokerRestartedEmptyWhateverTheNumberOfDispatchers() throws Exception {
        try (PrivateNats nats = PrivateNats.start();
             ApplicationContext context = ApplicationContext.builder()
                     .properties(Map.of("nats.default.addresses", List.of(nats.url()),
                             "nats.default.max-reconnect", -1,
                             "nats.default.reconnect-wait", "100ms"))
                     .singletons(new SimpleMeterRegistry())
                     .start()) {
            Connection connection = context.getBean(Connection.class);
            List<AtomicInteger> received = new ArrayList<>();
            for (int i = 0; i < DISPATCHERS; i++) {
                AtomicInteger count = new AtomicInteger();
                received.add(count);
                Dispatcher dispatcher = connection.createDispatcher(message -> count.incrementAndGet());
                dispatcher.subscribe("threads.it." + i);
            }
            connection.flush(Duration.ofSeconds(2));

            nats.restartEmpty();
            Await.until(Duration.ofSeconds(20), "the connection back after the broker restarted",
                    () -> connection.getStatus() == Connection.Status.CONNECTED);

            for (int i = 0; i < DISPATCHERS; i++) {
                connection.publish("threads.it." + i, "after".getBytes(StandardCharsets.UTF_8));
            }
            Await.until(Duration.ofSeconds(10), "every dispatcher receiving again",
                    () -> received.stream().allMatch(count -> count.get() == 1));
            assertEquals(DISPATCHERS, received.stream().mapToInt(AtomicInteger::get).sum());
        }
    }
}
