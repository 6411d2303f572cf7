package dev.gateway.admin.proxy;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/**
 * Where the proxied and probed services live, and how long they may take.
 *
 * @param registryUrl    tenant-registry: every other /api/gateway path
 * @param provisionerUrl provisioner: /api/gateway/migrations/**
 * @param usageUrl       usage-meter: /api/gateway/usage/** and /api/gateway/tenants/{key}/activity
 * @param probeTimeout   how long a health probe may take
 * @param connectTimeout how long connecting to a proxied upstream may take (then 502)
 * @param readTimeout    how long a proxied upstream may take to start its answer, connecting included (then 504)
 */
@ConfigurationProperties("gateway.upstream")
public record UpstreamConfiguration(
        @NotNull URI registryUrl,
        @NotNull URI provisionerUrl,
        @NotNull URI usageUrl,
        @NotNull Duration probeTimeout,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout) {
}
