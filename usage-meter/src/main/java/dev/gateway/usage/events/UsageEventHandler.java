package dev.gateway.usage.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.runtime.consumer.BatchEventHandler;
import dev.gateway.runtime.consumer.Outcome;
import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.usage.redis.UsageHashes;
import dev.gateway.usage.rollup.AppliedEvents;
import dev.gateway.usage.rollup.LatestStorage;
import dev.gateway.usage.rollup.RollupChanges;
import dev.gateway.usage.rollup.Rollups;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code usage.requests} and {@code usage.storage}: each event not applied before is added to the rollups in one
 * transaction with its id; after the commit the touched tenants' {@code usage:<tenant>} hashes are rewritten.
 */
@Singleton
class UsageEventHandler implements BatchEventHandler {

    private final PlatformDb db;
    private final AppliedEvents applied;
    private final Rollups rollups;
    private final LatestStorage latestStorage;
    private final UsageHashes hashes;

    UsageEventHandler(PlatformDb db, AppliedEvents applied, Rollups rollups, LatestStorage latestStorage,
                      UsageHashes hashes) {
        this.db = db;
        this.applied = applied;
        this.rollups = rollups;
        this.latestStorage = latestStorage;
        this.hashes = hashes;
    }

    @Override
    public List<Outcome> handleAll(List<EventEnvelope> events) {
        List<MeteredUsage> usages = events.stream().map(MeteredUsage::of).toList();
        RollupChanges changes = new RollupChanges();
        List<Outcome> outcomes = db.inTransaction(connection -> {
            Set<UUID> fresh = applied.claim(connection, usages.stream().map(MeteredUsage::id).toList());
            List<Outcome> result = new ArrayList<>(usages.size());
            for (MeteredUsage usage : usages) {
                if (fresh.remove(usage.id())) {
                    usage.addTo(changes);
                    if (usage.storage() != null) {
                        latestStorage.record(connection, usage.tenant(), usage.storage());
                    }
                    result.add(Outcome.APPLIED);
                } else {
                    result.add(Outcome.DUPLICATE);
                }
            }
            rollups.apply(connection, changes);
            return result;
        });
        rollups.committed(changes);
        hashes.refresh(changes.tenants());
        return outcomes;
    }
}
