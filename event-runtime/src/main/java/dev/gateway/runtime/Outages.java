package dev.gateway.runtime;

import dev.gateway.runtime.consumer.DependencyUnavailableException;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells an outage from a failure of the work itself. A database, Redis or broker that cannot be reached fails
 * every event and request alike: consumers retry such events until the dependency is back (dead-lettering them
 * would turn a short outage into lost work), and HTTP answers 503 with Retry-After instead of 500.
 */
public final class Outages {

    private static final int MAX_DEPTH = 16;
    /** Named, not imported: the runtime does not depend on these libraries. */
    private static final Set<String> UNREACHABLE = Set.of(
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException",
            // a pooled connection that could not be obtained or prepared (e.g. closed by a database restart)
            "io.micronaut.data.connection.exceptions.ConnectionException",
            "io.micronaut.transaction.exceptions.CannotCreateTransactionException");

    private Outages() {
    }

    /** True when {@code failure}, or any of its causes, says a dependency could not be reached. */
    public static boolean isOutage(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof DependencyUnavailableException || current instanceof SQLTransientConnectionException
                    || current instanceof SQLNonTransientConnectionException || current instanceof SQLRecoverableException
                    || current instanceof TimeoutException || current instanceof SocketException
                    || current instanceof SocketTimeoutException || current instanceof UnknownHostException
                    || (current instanceof SQLException sql && unavailableState(sql.getSQLState()))
                    || (current instanceof IOException && raisedByTheBrokerClient(current))
                    || UNREACHABLE.contains(current.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** The NATS client reports a broker that does not answer (or has no stream for a subject) as an IOException. */
    private static boolean raisedByTheBrokerClient(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("io.nats.");
    }

    /** 08: connection exception, 53: insufficient resources, 57P: the server is shutting down or restarting. */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"));
    }
}
