package dev.gateway.usage.query;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/gateway/usage/top}: tenants by {@code metric} over the range, highest first. */
@Serdeable
public record TopTenants(String metric, Instant from, Instant to, List<TopItem> items) {
}
