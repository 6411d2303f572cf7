package dev.gateway.runtime;

import dev.gateway.runtime.consumer.DependencyUnavailableException;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutagesTest {

    @Test
    void shouldRecogniseUnreachableDependenciesAnywhereInTheCauseChain() {
        assertTrue(Outages.isOutage(new SQLTransientConnectionException("pool timed out")));
        assertTrue(Outages.isOutage(new IllegalStateException("wrapped",
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(Outages.isOutage(new SQLException("connection attempt failed", "08001")));
        assertTrue(Outages.isOutage(new SQLException("too many connections", "53300")));
        assertTrue(Outages.isOutage(new RuntimeException(new ConnectException("refused"))));
        assertTrue(Outages.isOutage(new TimeoutException("no reply")));
        assertTrue(Outages.isOutage(new DependencyUnavailableException("redis", null)));
    }

    @Test
    void shouldTreatEverythingElseAsAFailureOfTheEvent() {
        assertFalse(Outages.isOutage(new IllegalStateException("WRONGTYPE")));
        assertFalse(Outages.isOutage(new SQLException("duplicate key", "23505")));
        assertFalse(Outages.isOutage(new SQLException("no state")));
        assertFalse(Outages.isOutage(new IOException("pg_dump failed (exit 1)")));
    }
}
