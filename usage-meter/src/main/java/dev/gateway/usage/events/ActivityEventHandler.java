package dev.gateway.usage.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.runtime.consumer.BatchEventHandler;
import dev.gateway.runtime.consumer.Outcome;
import dev.gateway.usage.activity.ActivityLog;
import dev.gateway.usage.activity.ActivityPartitions;
import dev.gateway.usage.activity.MeteredActivity;
import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.usage.rollup.AppliedEvents;
import dev.gateway.usage.rollup.Measure;
import dev.gateway.usage.rollup.RollupChanges;
import dev.gateway.usage.rollup.Rollups;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code activity.*}: each event not applied before is logged and counted (logins, failed logins, projects and
 * tasks created, tasks completed, active users) in one transaction with its id.
 */
@Singleton
class ActivityEventHandler implements BatchEventHandler {

    private static final Map<EventType, Measure> COUNTED = Map.of(
            EventType.ACTIVITY_LOGIN_SUCCEEDED, Measure.LOGINS,
            EventType.ACTIVITY_LOGIN_FAILED, Measure.FAILED_LOGINS,
            EventType.ACTIVITY_PROJECT_CREATED, Measure.PROJECTS_CREATED,
            EventType.ACTIVITY_TASK_CREATED, Measure.TASKS_CREATED,
            EventType.ACTIVITY_TASK_COMPLETED, Measure.TASKS_COMPLETED);

    private final PlatformDb db;
    private final AppliedEvents applied;
    private final Rollups rollups;
    private final ActivityLog log;
    private final ActivityPartitions partitions;

    ActivityEventHandler(PlatformDb db, AppliedEvents applied, Rollups rollups, ActivityLog log,
                         ActivityPartitions partitions) {
        this.db = db;
        this.applied = applied;
        this.rollups = rollups;
        this.log = log;
        this.partitions = partitions;
    }

    @Override
    public List<Outcome> handleAll(List<EventEnvelope> events) {
        List<MeteredActivity> activities = events.stream().map(MeteredActivity::of).toList();
        partitions.ensure();
        RollupChanges changes = new RollupChanges();
        List<Outcome> result = db.inTransaction(connection -> {
            Set<UUID> fresh = applied.claim(connection, activities.stream().map(MeteredActivity::id).toList());
            List<MeteredActivity> logged = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>(activities.size());
            for (MeteredActivity activity : activities) {
                if (!fresh.remove(activity.id())) {
                    outcomes.add(Outcome.DUPLICATE);
                    continue;
                }
                Measure measure = COUNTED.get(activity.type());
                if (measure != null) {
                    changes.add(activity.tenant(), activity.occurredAt(), measure, 1);
                }
                if (activity.activeUser()) {
                    changes.active(activity.tenant(), activity.occurredAt(), activity.record().actorId());
                }
                logged.add(activity);
                outcomes.add(Outcome.APPLIED);
            }
            rollups.apply(connection, changes);
            log.append(connection, logged);
            return outcomes;
        });
        rollups.committed(changes);
        return result;
    }
}
