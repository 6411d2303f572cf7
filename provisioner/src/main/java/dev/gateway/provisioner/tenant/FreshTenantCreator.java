package dev.gateway.provisioner.tenant;

import dev.gateway.provisioner.migration.FreshSchemaMigrator;
import dev.gateway.provisioner.migration.MigrationOutcome;
import dev.gateway.provisioner.pool.TenantConnections;
import dev.gateway.provisioner.pool.TenantLocation;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The path of a tenant whose schema does not exist yet, which is every tenant on its first request:
 * after its role and database, the schema, all migrations and the first admin's invitation are created
 * in one transaction, as the tenant role. Either all of it commits or none of it does, so anything
 * unexpected (the schema exists after an earlier attempt, a migration fails, a concurrent copy of the
 * request) rolls back to where it started and the caller converges step by step instead, with Flyway
 * reporting on the migrations.
 */
@Singleton
public class FreshTenantCreator {

    private final TenantObjects objects;
    private final TenantConnections connections;
    private final FreshSchemaMigrator migrator;
    private final AdminUserSeeder seeder;

    public FreshTenantCreator(TenantObjects objects, TenantConnections connections, FreshSchemaMigrator migrator,
                              AdminUserSeeder seeder) {
        this.objects = objects;
        this.connections = connections;
        this.migrator = migrator;
        this.seeder = seeder;
    }

    /** The migration outcome when the tenant was created whole; empty when the caller must converge step by step. */
    public Optional<MigrationOutcome> tryCreate(TenantRequest request) throws SQLException {
        if (!migrator.available()) {
            return Optional.empty();
        }
        objects.createClusterObjects(request.location());
        return connections.tryInOneTransaction(request.location(), c -> Optional.of(createSchema(c, request)));
    }

    private MigrationOutcome createSchema(Connection c, TenantRequest request) throws SQLException {
        TenantLocation location = request.location();
        try (Statement st = c.createStatement()) {
            st.execute(TenantObjects.createSchemaDdl(location));
        }
        TenantConnections.actAsTenant(c, location);
        MigrationOutcome outcome = migrator.migrate(c, location.schema());
        if (AdminUserSeeder.invites(request)) {
            seeder.insert(c, request);
        }
        return outcome;
    }
}
