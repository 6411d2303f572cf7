package dev.gateway.usage.retention;

import dev.gateway.usage.UsageProperties;
import dev.gateway.usage.activity.ActivityPartitions;
import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.usage.rollup.AppliedEvents;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;

/**
 * Keeps the store's bounded parts bounded: activity partitions ahead are created and those past the retention
 * dropped; applied event ids and active-user marks older than the event-id retention are forgotten (no event
 * that old is delivered again). Two instances may both run it: every step is idempotent.
 */
@Singleton
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final ActivityPartitions partitions;
    private final AppliedEvents applied;
    private final PlatformDb db;
    private final UsageProperties properties;

    public RetentionJob(ActivityPartitions partitions, AppliedEvents applied, PlatformDb db, UsageProperties properties) {
        this.partitions = partitions;
        this.applied = applied;
        this.db = db;
        this.properties = properties;
    }

    @Scheduled(fixedDelay = "${gateway.usage.maintenance-every:1h}", initialDelay = "5s")
    public void run() {
        try {
            partitions.ensure();
            partitions.dropExpired();
            long seconds = properties.eventIdRetention().toSeconds();
            int forgotten = db.inTransaction(connection -> {
                int ids = applied.forget(connection, properties.eventIdRetention());
                try (PreparedStatement hours = connection.prepareStatement(
                        "DELETE FROM usage.active_user_hour WHERE hour < now() - ? * interval '1 second'");
                     PreparedStatement days = connection.prepareStatement(
                             "DELETE FROM usage.active_user_day WHERE day < (now() - ? * interval '1 second')::date")) {
                    hours.setLong(1, seconds);
                    days.setLong(1, seconds);
                    hours.executeUpdate();
                    days.executeUpdate();
                }
                return ids;
            });
            LOG.debug("forgot {} applied event ids", forgotten);
        } catch (RuntimeException e) {
            LOG.warn("usage retention did not run, next try in {}: {}", properties.maintenanceEvery(), e.toString());
        }
    }
}
