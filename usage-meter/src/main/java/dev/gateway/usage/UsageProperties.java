package dev.gateway.usage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code gateway.usage.*}.
 *
 * @param activityDays     days of activity log kept, today included (older partitions are dropped)
 * @param partitionsAhead  days of activity partitions created ahead of today
 * @param eventIdRetention how long applied event ids are remembered (longer than any redelivery)
 * @param batchSize        events applied in one transaction
 * @param redisRefresh     how often every tenant with usage this month gets its usage hash rewritten
 * @param maintenanceEvery how often partitions are created and dropped and old event ids forgotten
 */
@ConfigurationProperties("gateway.usage")
public record UsageProperties(
        @Bindable(defaultValue = "30") int activityDays,
        @Bindable(defaultValue = "7") int partitionsAhead,
        @Bindable(defaultValue = "14d") Duration eventIdRetention,
        @Bindable(defaultValue = "1000") int batchSize,
        @Bindable(defaultValue = "60s") Duration redisRefresh,
        @Bindable(defaultValue = "1h") Duration maintenanceEvery) {

    public UsageProperties {
        if (activityDays < 1 || partitionsAhead < 1 || batchSize < 1) {
            throw new IllegalArgumentException("gateway.usage: activity-days, partitions-ahead and batch-size must be at least 1");
        }
    }
}
