package dev.gateway.app.directory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

@Singleton
public class DirectoryMetrics {

    private final Counter staleServed;
    private final AtomicInteger unreachable = new AtomicInteger();

    public DirectoryMetrics(MeterRegistry registry) {
        this.staleServed = Counter.builder("gateway.directory.stale.served")
                .description("tenant requests served from a directory entry Redis could not confirm")
                .register(registry);
        Gauge.builder("gateway.directory.unreachable", unreachable, AtomicInteger::get)
                .description("1 while the last tenant directory read got no answer from Redis")
                .register(registry);
    }

    void staleServed() {
        staleServed.increment();
    }

    void readAnswered(boolean answered) {
        unreachable.set(answered ? 0 : 1);
    }
}
