package dev.gateway.provisioner.migration;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.MigrationResult;
import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.provisioner.tenant.Placement;
import dev.gateway.provisioner.tenant.PlacementService;
import dev.gateway.provisioner.tenant.PlacementStatus;
import dev.gateway.runtime.outbox.OutboxTable;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fleet migrations: a run lists its target tenants up front, migrates the canary tenants one by one
 * (stopping at the first failure), then the rest with bounded parallelism, stopping at the first
 * failure unless skip-failing. Resuming a run migrates every tenant of it not yet succeeded.
 * The connection budget is held by {@link TenantMigrator}, whatever the requested parallelism.
 */
@Singleton
public class MigrationRunService {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunService.class);

    private final PlatformDb db;
    private final MigrationRunRepository runs;
    private final PlacementService placements;
    private final TenantMigrator migrator;
    private final OutboxTable outbox;
    private final MeterRegistry meters;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> new Thread(r, "migration-run"));

    public MigrationRunService(PlatformDb db, MigrationRunRepository runs, PlacementService placements,
                               TenantMigrator migrator, OutboxTable outbox, MeterRegistry meters) {
        this.db = db;
        this.runs = runs;
        this.placements = placements;
        this.migrator = migrator;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** Creates the run and migrates in the background; the caller polls {@link #report}. */
    public MigrationRun start(MigrationRunPlan plan, String requestedBy) {
        UUID id = create(plan, requestedBy);
        background.execute(() -> execute(id));
        return find(id);
    }

    /** Creates the run and migrates before returning (CLI). */
    public MigrationRun runNow(MigrationRunPlan plan, String requestedBy) {
        UUID id = create(plan, requestedBy);
        execute(id);
        return find(id);
    }

    public MigrationRun resume(UUID runId, boolean wait) {
        MigrationRun run = find(runId);
        db.inTransaction(c -> {
            runs.setStatus(c, runId, "running", false);
            return null;
        });
        if (wait) {
            execute(run.runId());
        } else {
            background.execute(() -> execute(run.runId()));
        }
        return find(runId);
    }

    public MigrationRunReport report(UUID runId) {
        return new MigrationRunReport(find(runId), db.inTransaction(c -> runs.results(c, runId)));
    }

    public List<MigrationRun> list(int limit, UUID after) {
        return db.inTransaction(c -> runs.listRuns(c, limit, after));
    }

    public DriftReport drift() {
        String latest = migrator.latestVersion();
        List<Placement> ready = placements.ready();
        List<DriftReport.Drifted> drifted = ready.stream()
                .filter(p -> latest != null && !latest.equals(p.schemaVersion()))
                .map(p -> new DriftReport.Drifted(p.tenantKey(), p.schemaVersion(), p.location().isolation().wire()))
                .toList();
        return new DriftReport(latest, ready.size(), drifted);
    }

    private MigrationRun find(UUID runId) {
        return db.inTransaction(c -> runs.findRun(c, runId)).orElseThrow(() -> new MigrationRunNotFoundException(runId));
    }

    private UUID create(MigrationRunPlan plan, String requestedBy) {
        List<String> tenants;
        if (plan.tenant() != null) {
            placements.find(plan.tenant()).filter(p -> p.status() == PlacementStatus.READY)
                    .orElseThrow(() -> new UnknownTenantException(plan.tenant()));
            tenants = List.of(plan.tenant());
        } else {
            tenants = placements.ready().stream().map(Placement::tenantKey).toList();
        }
        UUID id = UUID.randomUUID();
        String target = migrator.latestVersion();
        db.inTransaction(c -> {
            runs.insertRun(c, id, requestedBy, plan, target, tenants);
            return null;
        });
        LOG.info("migration run {} created for {} tenant(s), target version {}", id, tenants.size(), target);
        return id;
    }

    private void execute(UUID runId) {
        MigrationRun run = find(runId);
        List<String> tenants = db.inTransaction(c -> runs.unfinished(c, runId));
        int canary = Math.min(run.canary(), tenants.size());
        boolean stopped = false;
        for (String tenant : tenants.subList(0, canary)) {
            if (!migrateOne(runId, tenant)) {
                stopped = true;
                break;
            }
        }
        if (!stopped) {
            stopped = migrateParallel(runId, tenants.subList(canary, tenants.size()), run.parallel(), run.skipFailing());
        }
        MigrationRun done = find(runId);
        String status = stopped ? "stopped" : done.failed() > 0 ? "failed" : "succeeded";
        db.inTransaction(c -> {
            runs.setStatus(c, runId, status, true);
            return null;
        });
        LOG.info("migration run {} {}: {} succeeded, {} failed, {} pending", runId, status, done.succeeded(),
                done.failed(), done.pending());
    }

    /** Returns true when the run had to stop at a failure. */
    private boolean migrateParallel(UUID runId, List<String> tenants, int parallel, boolean skipFailing) {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, parallel), r -> new Thread(r, "migration-worker"));
        for (String tenant : tenants) {
            workers.execute(() -> {
                if (!stop.get() && !migrateOne(runId, tenant) && !skipFailing) {
                    stop.set(true);
                }
            });
        }
        workers.shutdown();
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.info("migration run {} still in progress", runId);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        return stop.get();
    }

    private boolean migrateOne(UUID runId, String tenant) {
        Optional<Placement> placement = placements.find(tenant).filter(p -> p.status() == PlacementStatus.READY);
        if (placement.isEmpty()) {
            record(runId, tenant, null, null, "tenant is no longer ready", 0, 0);
            return false;
        }
        Placement p = placement.get();
        db.inTransaction(c -> {
            runs.markResult(c, runId, tenant, "running", null, null, null);
            return null;
        });
        long start = System.nanoTime();
        try {
            MigrationOutcome outcome = migrator.migrate(p.location());
            record(runId, tenant, p, outcome, null, outcome.durationMs(), p.lastRevision());
            return true;
        } catch (RuntimeException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            record(runId, tenant, p, null, e.getMessage(), ms, p.lastRevision());
            return false;
        }
    }

    private void record(UUID runId, String tenant, Placement placement, MigrationOutcome outcome, String error,
                        long durationMs, long revision) {
        String from = outcome != null ? outcome.fromVersion() : placement == null ? null : placement.schemaVersion();
        MigrationOutcome stored = outcome != null ? outcome : new MigrationOutcome(from, from, 0, durationMs);
        EventType type = error == null ? EventType.MIGRATION_TENANT_SUCCEEDED : EventType.MIGRATION_TENANT_FAILED;
        MigrationResult result = new MigrationResult(runId.toString(), stored.fromVersion(), stored.toVersion(),
                stored.applied(), durationMs, error);
        db.inTransaction(c -> {
            runs.markResult(c, runId, tenant, error == null ? "succeeded" : "failed", stored, error, durationMs);
            if (error == null) {
                placements.recordSchemaVersion(c, tenant, stored.toVersion());
            }
            outbox.append(c, EventEnvelope.of(type, tenant, revision, runId.toString(), result));
            return null;
        });
        meters.counter("gateway.provisioner.migration.results", "outcome", error == null ? "succeeded" : "failed").increment();
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
