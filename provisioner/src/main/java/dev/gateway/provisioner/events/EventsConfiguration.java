package dev.gateway.provisioner.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The TENANTS consumer.
 *
 * @param durableSuffix         appended to the durable name (tests use a unique one per context)
 * @param deliverPolicy         {@code new} (default) or {@code all}: where a newly created durable starts. New:
 *                              replaying the shared stream's history would re-create long-deleted tenants,
 *                              and tenants requested before the first start are re-emitted by the registry's
 *                              safety net anyway
 * @param deleteConsumerOnStop  delete the durable when the context stops (tests only)
 * @param workers               tenants processed in parallel
 * @param maxDeliver            deliveries before a failing event is dead-lettered
 * @param ackWait               redelivery delay of an unacknowledged event (e.g. after a crash)
 * @param maxAckPending         events in flight per durable
 * @param onlyTenants           regex of the tenant keys this instance handles; others are acked and
 *                              ignored (keeps test instances on a shared bus off other tenants)
 */
@ConfigurationProperties("gateway.events")
public record EventsConfiguration(
        String durableSuffix,
        @Bindable(defaultValue = "new") String deliverPolicy,
        @Bindable(defaultValue = "false") boolean deleteConsumerOnStop,
        @Bindable(defaultValue = "8") int workers,
        @Bindable(defaultValue = "5") int maxDeliver,
        @Bindable(defaultValue = "60s") Duration ackWait,
        @Bindable(defaultValue = "1000") int maxAckPending,
        @Nullable String onlyTenants) {

    public boolean handlesTenant(String key) {
        return onlyTenants == null || onlyTenants.isBlank() || (key != null && key.matches(onlyTenants));
    }

    public String suffix() {
        return durableSuffix == null ? "" : durableSuffix;
    }
}
