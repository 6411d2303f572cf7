package dev.gateway.provisioner.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.runtime.database.PlatformDb;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * Removes a tenant for {@code tenant.deleting}: final backup first (when retention is on), then the
 * database or schema and the role, then {@code provisioning.deprovisioned}. Any failure leaves the
 * objects in place and is retried by redelivery: nothing is dropped without its backup.
 */
@Singleton
public class TenantDeprovisioningService {

    private static final Logger LOG = LoggerFactory.getLogger(TenantDeprovisioningService.class);

    private final PlatformDb db;
    private final PlacementRepository placements;
    private final OutboxTable outbox;
    private final TenantObjects objects;
    private final TenantBackup backup;
    private final AdminPools pools;
    private final PoolServers servers;
    private final ProvisioningMetrics metrics;

    public TenantDeprovisioningService(PlatformDb db, PlacementRepository placements, OutboxTable outbox,
                                       TenantObjects objects, TenantBackup backup,
                                       AdminPools pools, PoolServers servers, ProvisioningMetrics metrics) {
        this.db = db;
        this.placements = placements;
        this.outbox = outbox;
        this.objects = objects;
        this.backup = backup;
        this.pools = pools;
        this.servers = servers;
        this.metrics = metrics;
    }

    public Outcome deprovision(EventEnvelope event) {
        long start = System.nanoTime();
        TenantRequest request;
        try {
            request = TenantRequest.from(event, pools.config().maintenanceDatabase());
        } catch (ProvisioningFailure invalid) {
            LOG.warn("ignoring deletion event {}: {}", event.id(), invalid.getMessage());
            return Outcome.IGNORED;
        }
        boolean mayHaveObjects = db.inTransaction(c -> placements.find(c, request.key()))
                .map(p -> p.status() != PlacementStatus.FAILED).orElse(false);
        boolean current = db.inTransaction(c -> placements.begin(c, request.tenantId(), request.key(),
                request.location(), PlacementStatus.DEPROVISIONING, request.revision(), request.eventId()));
        if (!current) {
            LOG.info("ignoring stale {} (revision {})", event.type(), event.revision());
            return Outcome.STALE;
        }
        TenantLocation location = request.location();
        String dumped = backupAndDrop(request, location, mayHaveObjects);
        long ms = (System.nanoTime() - start) / 1_000_000;
        db.inTransaction(c -> {
            String backupPath = placements.finish(c, request.key(), PlacementStatus.DEPROVISIONED, null, null, null, dumped);
            outbox.append(c, TenantEvents.of(EventType.PROVISIONING_DEPROVISIONED, event, request, null, ms,
                    null, null, backupPath));
            return null;
        });
        metrics.record("deprovision", "succeeded", location.isolation().wire(), ms);
        LOG.info("tenant deprovisioned in {} ms, backup {}", ms, dumped == null ? "none" : dumped);
        return Outcome.APPLIED;
    }

    /** Returns the backup path, or null when retention is off or there was nothing to back up. */
    private String backupAndDrop(TenantRequest request, TenantLocation location, boolean mayHaveObjects) {
        try {
            servers.checkPlacement(location);
            String dumped = backup.enabled() && objects.exists(location)
                    ? backup.dump(request.key(), request.revision(), location).toString() : null;
            objects.drop(location);
            return dumped;
        } catch (PoolUnreachableException | PoolHostNotAllowedException | PoolDatabaseNotAllowedException e) {
            if (mayHaveObjects) {
                throw e;
            }
            LOG.info("the tenant was never provisioned there, nothing to drop: {}", e.getMessage());
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("dropping tenant objects failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the final backup", e);
        }
    }
}
