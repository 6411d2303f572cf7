package dev.gateway.provisioner.tenant;

import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.provisioner.pool.PoolAddress;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Read access to placements for other features (fleet migrations, health). */
@Singleton
public class PlacementService {

    private final PlatformDb db;
    private final PlacementRepository placements;

    public PlacementService(PlatformDb db, PlacementRepository placements) {
        this.db = db;
        this.placements = placements;
    }

    public List<Placement> ready() {
        return db.inTransaction(c -> placements.findByStatus(c, PlacementStatus.READY));
    }

    public Optional<Placement> find(String tenantKey) {
        return db.inTransaction(c -> placements.find(c, tenantKey));
    }

    public List<PoolAddress> poolsInUse() {
        return db.inTransaction(placements::poolsInUse);
    }

    /** Records a tenant's new schema version inside the caller's transaction. */
    public void recordSchemaVersion(Connection c, String tenantKey, String version) throws SQLException {
        placements.updateSchemaVersion(c, tenantKey, version);
    }
}
