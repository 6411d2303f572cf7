package dev.gateway.usage.query;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/gateway/usage/sparklines}: an hourly series per tenant, empty for a tenant the meter never saw. */
@Serdeable
public record Sparklines(String metric, Instant from, Instant to, Map<String, List<Long>> series) {
}
