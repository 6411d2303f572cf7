package dev.gateway.usage.events;

import dev.gateway.events.Stream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.util.List;

/**
 * {@code usage_consumer_lag{stream}}: events of ACTIVITY, USAGE and TENANTS not yet delivered to the meter's
 * durables, read from the event runtime's per-durable lag (refreshed on its check interval).
 */
@Context
class ConsumerLag {

    ConsumerLag(MeterRegistry meters) {
        for (Stream stream : List.of(Stream.ACTIVITY, Stream.USAGE, Stream.TENANTS)) {
            Gauge.builder("usage.consumer.lag", meters, registry -> registry.find("events.consumer.lag")
                            .tag("stream", stream.name()).gauges().stream().mapToDouble(Gauge::value).sum())
                    .tag("stream", stream.name())
                    .description("events on the stream not yet delivered to the usage-meter")
                    .register(meters);
        }
    }
}
