package dev.gateway.routes.events;

import dev.gateway.events.Stream;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;

/**
 * The tenant event consumer. {@code durableSuffix} gives each test context its own durable on the shared
 * broker (a durable with a suffix is deleted when the context stops); {@code tenantKeyPrefix} lets such a
 * context leave other people's tenants alone.
 */
@ConfigurationProperties("gateway.events")
public record EventsProperties(
        @Nullable String durableSuffix,
        @Nullable String tenantKeyPrefix,
        @Bindable(defaultValue = "8") @Min(1) int maxDeliver,
        @Bindable(defaultValue = "8") @Min(1) int workers) {

    static final String SERVICE = "route-publisher";

    public String durable() {
        return Stream.TENANTS.durable(SERVICE, 1) + (temporaryDurable() ? "-" + durableSuffix : "");
    }

    public boolean temporaryDurable() {
        return durableSuffix != null && !durableSuffix.isBlank();
    }

    public boolean accepts(String tenant) {
        return tenantKeyPrefix == null || tenantKeyPrefix.isBlank() || tenant.startsWith(tenantKeyPrefix);
    }
}
