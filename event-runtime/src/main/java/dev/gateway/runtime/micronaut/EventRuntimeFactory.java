package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.EventRuntime;
import dev.gateway.runtime.consumer.ConsumerSpec;
import dev.gateway.runtime.outbox.OutboxTable;
import dev.gateway.runtime.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.jdbc.DataSourceResolver;
import io.nats.client.Connection;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.util.List;

/**
 * The service's {@link EventRuntime}, assembled from its beans: every {@link ConsumerSpec} (the subscriptions),
 * every {@link OutboxTable} (relayed from the default datasource) and every {@link PublishedStreams}.
 */
@Factory
class EventRuntimeFactory {

    @Singleton
    EventRuntime eventRuntime(Connection connection, EventsProperties events, StreamProperties streams,
                              OutboxProperties outbox, MeterRegistry meters, List<ConsumerSpec> subscriptions,
                              List<OutboxTable> outboxes, List<PublishedStreams> published,
                              BeanProvider<DataSource> dataSource, BeanProvider<DataSourceResolver> resolver,
                              EventPublisher publisher, ApplicationEventPublisher<BrokerReset> resets) {
        EventRuntime runtime = new EventRuntime(connection, streams.settings(), events.settings(), meters);
        published.forEach(p -> runtime.publishesTo(p.streams()));
        if (events.consumersEnabled()) {
            subscriptions.forEach(runtime::consume);
        }
        if (!outboxes.isEmpty()) {
            DataSource raw = resolver.get().resolve(dataSource.get());
            outboxes.forEach(table -> runtime.relay(table, raw, publisher, outbox.settings()));
        }
        runtime.onBrokerReset(recreated -> resets.publishEvent(new BrokerReset(recreated)));
        return runtime;
    }
}
