package dev.gateway.provisioner.pool;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Tells a pool that cannot be reached apart from a busy pool or an error in a statement. */
final class ConnectionFailures {

    private ConnectionFailures() {
    }

    static boolean isUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P03")
                    || sql.getSQLState().equals("28000")
                    || sql.getSQLState().equals("28P01"))) {
                return true;
            }
        }
        return false;
    }
}
