package dev.gateway.runtime.micronaut;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.nats.executor.ConsumerExecutorServiceConfig;
import io.micronaut.scheduling.executor.ExecutorConfiguration;
import io.micronaut.scheduling.executor.ExecutorType;
import io.micronaut.scheduling.executor.UserExecutorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The threads of the service's NATS client. jnats runs its socket reader, its writer, every reconnect and one
 * thread per dispatcher (each durable, plus the inbox of its requests) on the executor micronaut-nats hands it,
 * which is a fixed pool (six threads on a small machine). A service with four dispatchers fills it; the next
 * reconnect then holds a thread waiting for the server's answer to a handshake the writer, queued behind it, never
 * sends: the client retries forever and never gets back. A growing pool, as jnats uses on its own, cannot starve.
 */
@Factory
class NatsClientThreads {

    @Singleton
    @Named("consumer")
    @Replaces(factory = ConsumerExecutorServiceConfig.class, bean = ExecutorConfiguration.class)
    ExecutorConfiguration natsClientThreads() {
        return UserExecutorConfiguration.of(ExecutorType.CACHED);
    }
}
