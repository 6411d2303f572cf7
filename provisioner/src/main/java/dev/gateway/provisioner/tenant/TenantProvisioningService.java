package dev.gateway.provisioner.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.provisioner.migration.MigrationFailedException;
import dev.gateway.provisioner.migration.MigrationOutcome;
import dev.gateway.provisioner.migration.TenantMigrator;
import dev.gateway.provisioner.pool.AdminPools;
import dev.gateway.provisioner.pool.PoolDatabaseNotAllowedException;
import dev.gateway.provisioner.pool.PoolHostNotAllowedException;
import dev.gateway.provisioner.pool.PoolServers;
import dev.gateway.provisioner.pool.PoolUnreachableException;
import dev.gateway.provisioner.pool.TenantLocation;
import dev.gateway.runtime.consumer.Outcome;
import dev.gateway.runtime.outbox.OutboxTable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Provisions a tenant for {@code tenant.created} / {@code tenant.retried}: records the attempt and
 * {@code provisioning.started}, converges the tenant's objects, migrations and first admin's invitation,
 * then records and reports the outcome. A repeated request converges again and reports again; a
 * request older than the last one applied is ignored.
 */
@Singleton
public class TenantProvisioningService {

    private static final Logger LOG = LoggerFactory.getLogger(TenantProvisioningService.class);
    private static final String TOO_MANY_CONNECTIONS = "53300";

    private final PlatformDb db;
    private final PlacementRepository placements;
    private final OutboxTable outbox;
    private final FreshTenantCreator fresh;
    private final TenantObjects objects;
    private final TenantMigrator migrator;
    private final AdminUserSeeder seeder;
    private final AdminPools pools;
    private final PoolServers servers;
    private final ProvisioningMetrics metrics;

    public TenantProvisioningService(PlatformDb db, PlacementRepository placements, OutboxTable outbox,
                                     FreshTenantCreator fresh, TenantObjects objects,
                                     TenantMigrator migrator, AdminUserSeeder seeder, AdminPools pools,
                                     PoolServers servers, ProvisioningMetrics metrics) {
        this.db = db;
        this.placements = placements;
        this.outbox = outbox;
        this.fresh = fresh;
        this.objects = objects;
        this.migrator = migrator;
        this.seeder = seeder;
        this.pools = pools;
        this.servers = servers;
        this.metrics = metrics;
    }

    public Outcome provision(EventEnvelope event) {
        long start = System.nanoTime();
        TenantRequest request;
        try {
            request = TenantRequest.from(event, pools.config().maintenanceDatabase());
        } catch (ProvisioningFailure invalid) {
            LOG.warn("refusing tenant event {}: {}", event.id(), invalid.getMessage());
            db.inTransaction(c -> {
                outbox.append(c, TenantEvents.invalid(event, invalid.getMessage()));
                return null;
            });
            return Outcome.APPLIED;
        }
        boolean current = db.inTransaction(c -> {
            boolean fresh = placements.begin(c, request.tenantId(), request.key(), request.location(),
                    PlacementStatus.PROVISIONING, request.revision(), request.eventId());
            if (fresh) {
                outbox.append(c, TenantEvents.of(EventType.PROVISIONING_STARTED, event, request, null, 0, null, null, null));
            }
            return fresh;
        });
        if (!current) {
            LOG.info("ignoring stale {} (revision {})", event.type(), event.revision());
            return Outcome.STALE;
        }
        String isolation = request.location().isolation().wire();
        try {
            String version = converge(request);
            long ms = elapsedMs(start);
            db.inTransaction(c -> {
                placements.finish(c, request.key(), PlacementStatus.READY, version, null, null, null);
                outbox.append(c, TenantEvents.of(EventType.PROVISIONING_SUCCEEDED, event, request, version, ms, null, null, null));
                return null;
            });
            metrics.record("provision", "succeeded", isolation, ms);
            LOG.info("tenant provisioned in {} ms ({} isolation, schema version {})", ms, isolation, version);
        } catch (ProvisioningFailure failure) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("provisioning interrupted by shutdown; the event will be redelivered", failure);
            }
            long ms = elapsedMs(start);
            db.inTransaction(c -> {
                placements.finish(c, request.key(), PlacementStatus.FAILED, null, failure.code().wire(), failure.getMessage(), null);
                outbox.append(c, TenantEvents.of(EventType.PROVISIONING_FAILED, event, request, null, ms,
                        failure.code(), failure.getMessage(), null));
                return null;
            });
            metrics.record("provision", "failed", isolation, ms);
            LOG.warn("provisioning failed ({}): {}", failure.code().wire(), failure.getMessage());
        }
        return Outcome.APPLIED;
    }

    private String converge(TenantRequest request) {
        TenantLocation location = request.location();
        try {
            servers.checkPlacement(location);
            checkCapacity(request);
            Optional<MigrationOutcome> created = fresh.tryCreate(request);
            if (created.isPresent()) {
                return created.get().toVersion();
            }
            objects.create(location);
            MigrationOutcome migration = migrator.migrate(location);
            if (AdminUserSeeder.invites(request)) {
                seeder.seed(request);
            }
            return migration.toVersion();
        } catch (PoolHostNotAllowedException e) {
            throw new ProvisioningFailure(FailureCode.POOL_HOST_NOT_ALLOWED, e.getMessage(), e);
        } catch (PoolDatabaseNotAllowedException e) {
            throw new ProvisioningFailure(FailureCode.POOL_DATABASE_NOT_ALLOWED, e.getMessage(), e);
        } catch (PoolUnreachableException e) {
            throw new ProvisioningFailure(FailureCode.POOL_UNREACHABLE, e.getMessage(), e);
        } catch (MigrationFailedException e) {
            throw new ProvisioningFailure(FailureCode.MIGRATION_FAILED, e.getMessage(), e);
        } catch (SQLException e) {
            if (TOO_MANY_CONNECTIONS.equals(e.getSQLState())) {
                throw new ProvisioningFailure(FailureCode.POOL_FULL,
                        "pool " + location.pool().key() + " has no free connections: " + e.getMessage(), e);
            }
            throw new ProvisioningFailure(FailureCode.INTERNAL,
                    "creating the tenant objects failed on " + location.pool().key() + ": " + e.getMessage(), e);
        }
    }

    private void checkCapacity(TenantRequest request) {
        Optional<Integer> max = Optional.ofNullable(servers.require(request.location().pool()).maxTenants());
        if (max.isEmpty()) {
            return;
        }
        int placed = db.inTransaction(c -> placements.countActive(c, request.location().pool(), request.key()));
        if (placed >= max.get()) {
            throw new ProvisioningFailure(FailureCode.POOL_FULL, "pool " + request.location().pool().key()
                    + " is full: " + placed + " of " + max.get() + " tenants placed");
        }
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
