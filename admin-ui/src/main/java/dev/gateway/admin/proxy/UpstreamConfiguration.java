package dev.gateway.admin.proxy;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/**
 * Where the proxied and probed services live, and how long they may take.
 *
 * @param registryUrl    tenant-registry: every /api/gateway path except migrations
 * @param provisionerUrl provisioner: /api/gateway/migrations/**
 * @param appGatewayUrl  app-gateway's management port: read-only source of per-tenant usage metrics (/prometheus)
 * @param probeTimeout   how long a health or metrics probe may take
 * @param connectTimeout how long connecting to a proxied upstream may take (then 502)
 * @param readTimeout    how long a proxied upstream may take to start its answer, connecting included (then 504)
 */
@ConfigurationProperties("gateway.upstream")
public record UpstreamConfiguration(
        @NotNull URI registryUrl,
        @NotNull URI provisionerUrl,
        @NotNull URI appGatewayUrl,
        @NotNull Duration probeTimeout,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout) {
}
