package dev.gateway.runtime.consumer;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    @Test
    void shouldRecogniseUnreachableDependenciesAnywhereInTheCauseChain() {
        assertTrue(Failures.dependencyUnavailable(new SQLTransientConnectionException("pool timed out")));
        assertTrue(Failures.dependencyUnavailable(new IllegalStateException("wrapped",
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(Failures.dependencyUnavailable(new SQLException("connection attempt failed", "08001")));
        assertTrue(Failures.dependencyUnavailable(new SQLException("too many connections", "53300")));
        assertTrue(Failures.dependencyUnavailable(new RuntimeException(new ConnectException("refused"))));
        assertTrue(Failures.dependencyUnavailable(new TimeoutException("no reply")));
        assertTrue(Failures.dependencyUnavailable(new DependencyUnavailableException("redis", null)));
    }

    @Test
    void shouldTreatEverythingElseAsAFailureOfTheEvent() {
        assertFalse(Failures.dependencyUnavailable(new IllegalStateException("WRONGTYPE")));
        assertFalse(Failures.dependencyUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(Failures.dependencyUnavailable(new SQLException("no state")));
    }
}
