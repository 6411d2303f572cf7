package dev.gateway.registry.pool;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The pool created at first start when none exists (DESIGN.md §8 GATEWAY_DEFAULT_POOL_HOST). */
@ConfigurationProperties("gateway.default-pool")
public record DefaultPoolConfiguration(String host, String name, String database, String isolation, int maxTenants) {
}
