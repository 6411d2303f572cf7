package dev.gateway.routes.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Lettuce waits up to a minute per command and backs reconnects off to 30 s by default; a route write
 * stuck that long blocks a consumer worker. Commands fail fast instead (the event is retried) and
 * reconnects stay frequent, so Redis coming back is noticed within seconds.
 */
@Singleton
public class FastRedisRecovery implements ClientResourcesMutator,
        BeanCreatedEventListener<StatefulRedisConnection<?, ?>> {

    private final RedisConnectionProperties properties;

    public FastRedisRecovery(RedisConnectionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void mutate(ClientResources.Builder builder, AbstractRedisConfiguration config) {
        builder.reconnectDelay(Delay.exponential(Duration.ofMillis(50), properties.maxReconnectDelay(), 2,
                java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Override
    public StatefulRedisConnection<?, ?> onCreated(BeanCreatedEvent<StatefulRedisConnection<?, ?>> event) {
        event.getBean().setTimeout(properties.commandTimeout());
        return event.getBean();
    }
}
