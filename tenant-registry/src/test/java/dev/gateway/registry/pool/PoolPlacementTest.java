package dev.gateway.registry.pool;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PoolPlacementTest {

    @Test
    void shouldReadTheServerList() {
        assertEquals(Set.of(new PoolPlacement.Server("127.0.0.1", 5432), new PoolPlacement.Server("db2", 5433),
                        new PoolPlacement.Server("::1", 6432), new PoolPlacement.Server("db3.internal", 5432)),
                PoolPlacement.servers(" 127.0.0.1:5432,db2:5433 ,[::1]:6432, DB3.Internal:5432,"));
    }

    @Test
    void shouldTakeTheDefaultPoolsServerWithOrWithoutItsPort() {
        assertEquals(new PoolPlacement.Server("db", 5432), PoolPlacement.defaultServer("db"));
        assertEquals(new PoolPlacement.Server("db", 6432), PoolPlacement.defaultServer("db:6432"));
    }

    @Test
    void shouldRefuseAnEntryThatIsNotHostAndPort() {
        assertThrows(IllegalArgumentException.class, () -> PoolPlacement.servers("db2:postgres"));
        assertThrows(IllegalArgumentException.class, () -> PoolPlacement.servers("db2:70000"));
        assertThrows(IllegalArgumentException.class, () -> PoolPlacement.servers(":5432"));
        assertThrows(IllegalArgumentException.class, () -> PoolPlacement.servers("db2"));
        assertThrows(IllegalArgumentException.class, () -> PoolPlacement.servers("[::1]"));
    }

    @Test
    void shouldFindThePlatformDatabaseInTheJdbcUrl() {
        assertEquals("gateway", PoolPlacement.databaseOf("jdbc:postgresql://127.0.0.1:5432/gateway"));
        assertEquals("gateway", PoolPlacement.databaseOf("jdbc:postgresql://db:5432/gateway?sslmode=require"));
        assertEquals("platform", PoolPlacement.databaseOf("jdbc:postgresql://a:1,b:2/Platform"));
    }
}
