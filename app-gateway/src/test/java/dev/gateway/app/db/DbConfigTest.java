package dev.gateway.app.db;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DbConfigTest {

    @Test
    void shouldKnowOnlyTheConfiguredServers() {
        DbConfig config = config(List.of(" Postgres:5432", "10.0.0.7:6432 "));
        assertTrue(config.isServer("postgres", 5432));
        assertTrue(config.isServer("POSTGRES", 5432));
        assertTrue(config.isServer("10.0.0.7", 6432));
        assertFalse(config.isServer("postgres", 5433));
        assertFalse(config.isServer("evil.example.com", 5432));
    }

    @Test
    void shouldAllowTheDefaultPoolServerWhenNoneAreListed() {
        DbConfig config = new DbConfig("gateway_app", null, List.of(), "127.0.0.1:5432", 10, 2, 40,
                Duration.ofSeconds(3));
        assertTrue(config.isServer("127.0.0.1", 5432));
        assertFalse(config.isServer("localhost", 5432));
    }

    @Test
    void shouldStopTheStartWithoutUsableServers() {
        assertThrows(IllegalArgumentException.class, () -> config(List.of()));
        assertThrows(IllegalArgumentException.class, () -> config(List.of("postgres")));
        assertThrows(IllegalArgumentException.class, () -> config(List.of("postgres:5432/db")));
    }

    private static DbConfig config(List<String> servers) {
        return new DbConfig("gateway_app", null, servers, null, 10, 2, 40, Duration.ofSeconds(3));
    }
}
