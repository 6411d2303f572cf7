package dev.gateway.app.db;

import dev.gateway.app.directory.TenantDirectoryService;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads that send scope, statement and commit in one message ({@link TenantTransactions#reading}), on a pool of
 * one connection so that every read and check shares it: a read sees its own tenant's rows, ends its transaction
 * (the connection goes back bare, nothing open), and refuses a second statement, which would run unscoped.
 */
@MicronautTest
class ReadTransactionsIT extends GatewayIntegrationTest {

    @Inject
    TenantTransactions tx;
    @Inject
    TenantPools pools;
    @Inject
    TenantDirectoryService directory;

    private TenantEntry a;
    private TenantEntry b;
    private String defaultTimeout;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.shared-pool-size", "1");
    }

    @BeforeAll
    void tenants() throws SQLException {
        ProvisionedTenant first = TenantFixture.schemaTenant(Map.of());
        ProvisionedTenant second = TenantFixture.schemaTenant(Map.of());
        for (ProvisionedTenant tenant : List.of(first, second)) {
            try (Connection c = TenantFixture.connectAsTenant(tenant); Statement s = c.createStatement()) {
                s.execute("INSERT INTO projects (id, name) VALUES (gen_random_uuid(), '" + tenant.key() + "')");
            }
        }
        try (Connection c = TenantFixture.connectAsTenant(first); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('statement_timeout')")) {
            rs.next();
            defaultTimeout = rs.getString(1);
        }
        a = directory.find(first.key()).join().orElseThrow();
        b = directory.find(second.key()).join().orElseThrow();
    }

    @Test
    void shouldReadOnlyTheCallersRowsAndReturnTheConnectionBare() throws SQLException {
        for (int i = 0; i < 8; i++) { // past the driver's prepare threshold, alternating tenants on one connection
            assertEquals(List.of(a.key()), tx.reading(a, c -> names(c)));
            assertEquals(List.of(b.key()), tx.reading(b, c -> names(c)));
            assertBare();
        }
    }

    @Test
    void shouldRefuseASecondStatementInARead() throws SQLException {
        TenantDatabaseException second = assertThrows(TenantDatabaseException.class, () -> tx.reading(a, c -> {
            names(c);
            return names(c);
        }));
        assertEquals("25000", second.sqlState());
        TenantDatabaseException plain = assertThrows(TenantDatabaseException.class, () -> tx.reading(a, c -> {
            try (Statement s = c.createStatement()) {
                return s.execute("SELECT 1");
            }
        }));
        assertEquals("0A000", plain.sqlState());
        assertBare();
        assertEquals(List.of(a.key()), tx.reading(a, c -> names(c)));
    }

    @Test
    void shouldEndAFailedReadSoTheNextOneRuns() throws SQLException {
        TenantDatabaseException failed = assertThrows(TenantDatabaseException.class, () -> tx.reading(a, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 / (count(*) - count(*)) FROM projects");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }));
        assertEquals("22012", failed.sqlState());
        assertBare();
        assertEquals(List.of(b.key()), tx.reading(b, c -> names(c)));
    }

    private static List<String> names(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM projects ORDER BY name")) {
            return Queries.list(ps, rs -> rs.getString(1));
        }
    }

    /** The pool's one connection, outside any tenant transaction: login role, no search path, no transaction. */
    private void assertBare() throws SQLException {
        try (TenantPools.Lease pool = pools.lease(a);
             Connection c = pool.connection();
             PreparedStatement ps = c.prepareStatement("SELECT current_user, current_setting('role'), "
                     + "current_setting('search_path'), current_setting('statement_timeout'), "
                     + "(SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND usename = current_user"
                     + " AND application_name = 'app-gateway' AND state LIKE 'idle in transaction%')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(TenantFixture.GATEWAY_ROLE, rs.getString(1));
            assertEquals("none", rs.getString(2));
            assertTrue(!rs.getString(3).contains("tenant_"), rs.getString(3));
            assertEquals(defaultTimeout, rs.getString(4));
            assertEquals(0, rs.getLong(5), "connections left inside a transaction");
            c.rollback();
        }
    }
}
