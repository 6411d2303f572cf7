package dev.gateway.registry.http;

import java.sql.SQLException;

/** Whether a failure is PostgreSQL refusing a duplicate (SQL state 23505), anywhere in its causes. */
public final class UniqueViolation {

    private static final String STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
