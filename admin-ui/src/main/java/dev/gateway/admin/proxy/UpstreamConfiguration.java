package dev.gateway.admin.proxy;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/**
 * Where the proxied and probed services live.
 *
 * @param registryUrl    tenant-registry: every /api/gateway path except migrations
 * @param provisionerUrl provisioner: /api/gateway/migrations/**
 * @param appGatewayUrl  app-gateway: read-only source of per-tenant usage metrics
 * @param probeTimeout   how long a health or metrics probe may take
 */
@ConfigurationProperties("gateway.upstream")
public record UpstreamConfiguration(
        @NotNull URI registryUrl,
        @NotNull URI provisionerUrl,
        @NotNull URI appGatewayUrl,
        @NotNull Duration probeTimeout) {
}
