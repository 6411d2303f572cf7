package dev.gateway.runtime.consumer;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * Tells an outage from a poison event. A database, Redis or broker that cannot be reached fails every event
 * alike; dead-lettering them would turn a short outage into lost work, so such failures are retried until the
 * dependency is back. Only failures while the dependencies answer count towards dead-lettering.
 */
final class Failures {

    private static final int MAX_DEPTH = 16;

    private Failures() {
    }

    static boolean dependencyUnavailable(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof DependencyUnavailableException || current instanceof SQLTransientConnectionException
                    || current instanceof TimeoutException || current instanceof IOException
                    || (current instanceof SQLException sql && unavailableState(sql.getSQLState()))
                    || current.getClass().getName().startsWith("io.lettuce.core.RedisConnectionException")
                    || current.getClass().getName().equals("io.lettuce.core.RedisCommandTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** 08: connection exception, 53: insufficient resources, 57P: the server is shutting down or restarting. */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"));
    }
}
