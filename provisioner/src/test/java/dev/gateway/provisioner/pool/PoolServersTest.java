package dev.gateway.provisioner.pool;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolServersTest {

    static final String PLATFORM = "jdbc:postgresql://127.0.0.1:5432/gateway?ApplicationName=provisioner";

    static PoolsConfiguration config(String... allowed) {
        return new PoolsConfiguration(List.of(allowed), "postgres", "admin-secret", "prefer", 6, Duration.ofSeconds(5),
                "gateway_app", null, "postgres");
    }

    static PoolServerConfiguration server(String name, String host, int port, String user, String sslmode) {
        return new PoolServerConfiguration(name, host, port, user, user == null ? null : user + "-secret", sslmode, 10);
    }

    @Test
    void shouldAllowExactlyTheListedServersAsWritten() {
        PoolServers servers = new PoolServers(config("127.0.0.1:5432", " DB2.internal:6432 ", "[::1]:5433"), List.of(),
                PLATFORM);

        assertTrue(servers.allows(new PoolAddress("127.0.0.1", 5432)));
        assertTrue(servers.allows(new PoolAddress("db2.internal", 6432)), "host names compare case-insensitively");
        assertTrue(servers.allows(new PoolAddress("::1", 5433)));
        for (PoolAddress other : List.of(new PoolAddress("localhost", 5432), new PoolAddress("127.1", 5432),
                new PoolAddress("127.0.0.1", 5433), new PoolAddress("db2.internal.", 6432),
                new PoolAddress("evil.example", 5432))) {
            assertFalse(servers.allows(other), other.key());
            PoolHostNotAllowedException refused = assertThrows(PoolHostNotAllowedException.class,
                    () -> servers.require(other));
            assertTrue(refused.getMessage().contains(other.key()), refused.getMessage());
        }
    }

    @Test
    void shouldGiveEveryListedServerTheDefaultsUnlessItsEntrySaysOtherwise() {
        PoolServers servers = new PoolServers(config("127.0.0.1:5432", "db2:5432"),
                List.of(server("two", "db2", 5432, "pool_admin", "verify-full")), PLATFORM);

        PoolServer local = servers.require(new PoolAddress("127.0.0.1", 5432));
        assertEquals(new PoolCredentials("postgres", "admin-secret"), local.credentials());
        assertEquals("prefer", local.sslmode());
        assertNull(local.maxTenants());
        assertEquals("prefer", local.jdbcProperties().getProperty("sslmode"));

        PoolServer two = servers.require(new PoolAddress("db2", 5432));
        assertEquals(new PoolCredentials("pool_admin", "pool_admin-secret"), two.credentials());
        assertEquals("verify-full", two.sslmode());
        assertEquals(10, two.maxTenants());
        assertEquals("pool_admin-secret", two.jdbcProperties().getProperty("password"));
    }

    @Test
    void shouldKeepTheDefaultCredentialsWhenAnEntryOnlySetsTheSslmode() {
        PoolServers servers = new PoolServers(config("db2:5432"), List.of(server("two", "db2", 5432, null, "require")),
                PLATFORM);

        PoolServer two = servers.require(new PoolAddress("db2", 5432));
        assertEquals(new PoolCredentials("postgres", "admin-secret"), two.credentials());
        assertEquals("require", two.sslmode());
    }

    @Test
    void shouldRefuseToStartWithSettingsForAServerThatIsNotListed() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new PoolServers(
                config("127.0.0.1:5432"), List.of(server("other", "db3", 5432, "x", null)), PLATFORM));
        assertTrue(e.getMessage().contains("gateway.pools.servers.other") && e.getMessage().contains("db3:5432"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"db2", "db2:", ":5432", "db2:0", "db2:65536", "db2:54x", ""})
    void shouldRefuseToStartWithAnEntryThatIsNotHostAndPort(String entry) {
        assertThrows(ConfigurationException.class, () -> new PoolServers(config(entry), List.of(), PLATFORM));
    }

    @Test
    void shouldRefuseToStartWithAnUnknownSslmode() {
        assertThrows(ConfigurationException.class, () -> new PoolServers(config("db2:5432"),
                List.of(server("two", "db2", 5432, null, "yes-please")), PLATFORM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"template0", "template1", "gateway"})
    void shouldRefuseTemplatesAndThePlatformDatabaseAsATenantsDatabase(String database) {
        PoolServers servers = new PoolServers(config("127.0.0.1:5432"), List.of(), PLATFORM);
        TenantLocation location = new TenantLocation(new PoolAddress("127.0.0.1", 5432), Isolation.SCHEMA, database,
                "tenant_acme", "tenant_acme");

        assertThrows(PoolDatabaseNotAllowedException.class, () -> servers.checkPlacement(location));
    }

    @Test
    void shouldAcceptASharedOrTenantDatabaseOnAListedServer() {
        PoolServers servers = new PoolServers(config("127.0.0.1:5432"), List.of(), PLATFORM);
        PoolAddress pool = new PoolAddress("127.0.0.1", 5432);

        servers.checkPlacement(new TenantLocation(pool, Isolation.SCHEMA, "gateway_tenants", "tenant_acme", "tenant_acme"));
        servers.checkPlacement(new TenantLocation(pool, Isolation.DATABASE, "tenant_acme", "tenant_acme", "tenant_acme"));
        assertThrows(PoolHostNotAllowedException.class, () -> servers.checkPlacement(new TenantLocation(
                new PoolAddress("db9", 5432), Isolation.SCHEMA, "gateway_tenants", "tenant_acme", "tenant_acme")));
    }

    @Test
    void shouldReadTheDatabaseOfTheJdbcUrl() {
        assertEquals("gateway", PoolServers.databaseOf(PLATFORM));
        assertEquals("provisioner_it", PoolServers.databaseOf("jdbc:postgresql://h1:5432,h2:5432/provisioner_it"));
    }
}
