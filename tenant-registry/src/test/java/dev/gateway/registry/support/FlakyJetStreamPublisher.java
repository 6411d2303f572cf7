package dev.gateway.registry.support;

import dev.gateway.runtime.micronaut.JetStreamEventPublisher;
import dev.gateway.runtime.publish.EventPublisher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.nats.client.Connection;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The real JetStream publisher behind a switch that makes it fail like an unreachable NATS. */
@Singleton
@Replaces(JetStreamEventPublisher.class)
@Requires(property = "test.publisher", value = "flaky")
public class FlakyJetStreamPublisher implements EventPublisher {

    private final JetStreamEventPublisher real;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();

    public FlakyJetStreamPublisher(Connection connection) throws IOException {
        this.real = new JetStreamEventPublisher(connection);
    }

    public void failing(boolean fail) {
        failing.set(fail);
    }

    public int refused() {
        return refused.get();
    }

    @Override
    public CompletableFuture<?> publish(String subject, String messageId, byte[] payload) {
        if (failing.get()) {
            refused.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("simulated: NATS unreachable"));
        }
        return real.publish(subject, messageId, payload);
    }
}
