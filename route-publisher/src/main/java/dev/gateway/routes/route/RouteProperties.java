package dev.gateway.routes.route;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import java.time.Duration;
import java.util.List;

/**
 * Where and how routes are written: the Traefik KV root key, the entrypoints every tenant router joins,
 * the domain tenants answer on, the app-gateway upstream URLs and an optional ACME cert resolver.
 */
@ConfigurationProperties("gateway.routes")
public record RouteProperties(
        @Bindable(defaultValue = "traefik") @NotBlank String rootKey,
        @Bindable(defaultValue = "localhost") @NotBlank String baseDomain,
        @Bindable(defaultValue = "web") @NotEmpty List<String> entrypoints,
        @Bindable(defaultValue = "http://app-gateway:8000") @NotEmpty List<String> upstreamUrls,
        @Nullable String certResolver,
        @Bindable(defaultValue = "7d") Duration deletedTtl,
        @Bindable(defaultValue = "true") boolean setKeyspaceEvents) {

    public boolean tls() {
        return certResolver != null && !certResolver.isBlank();
    }
}
