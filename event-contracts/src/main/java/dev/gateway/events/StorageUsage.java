package dev.gateway.events;

import java.time.Instant;

/**
 * The {@code data} of a {@code usage.storage} event: what a tenant's data takes on its pool server when measured.
 *
 * @param bytes      size of the tenant's schema or database
 * @param measuredAt when it was measured (UTC)
 */
public record StorageUsage(long bytes, Instant measuredAt) {
}
