package dev.gateway.usage.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/gateway/usage}: one point per bucket of the range, empty buckets included. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UsageSeries(Instant from, Instant to, String groupBy, @Nullable String tenant, List<UsagePoint> points) {
}
