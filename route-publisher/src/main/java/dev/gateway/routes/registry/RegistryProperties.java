package dev.gateway.routes.registry;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** How to reach the tenant-registry: base URL, the service credential, and the page size for the tenant list. */
@ConfigurationProperties("gateway.registry")
public record RegistryProperties(
        @NotBlank String url,
        @Bindable(defaultValue = "route-publisher") @NotBlank String clientId,
        @Bindable(defaultValue = "dev-service-secret") @NotBlank String clientSecret,
        @Bindable(defaultValue = "500") @Min(1) @Max(1000) int pageSize) {

    static final String DEFAULT_SECRET = "dev-service-secret";
}
