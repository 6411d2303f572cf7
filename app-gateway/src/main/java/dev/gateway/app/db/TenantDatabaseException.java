package dev.gateway.app.db;

import java.sql.SQLException;

/** A tenant transaction failed; {@link TenantDatabaseExceptionHandler} maps it to a problem. */
public class TenantDatabaseException extends RuntimeException {

    private final boolean unavailable;

    public TenantDatabaseException(String message, SQLException cause, boolean unavailable) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    public String sqlState() {
        String state = ((SQLException) getCause()).getSQLState();
        return state == null ? "" : state;
    }

    /** The statement ran past the plan's {@code statement_timeout} (the only cancel the gateway sends). */
    public boolean timedOut() {
        return "57014".equals(sqlState());
    }

    public boolean unavailable() {
        // 08: connection exceptions; 57P: the server ended the session (terminated, shutting down)
        return unavailable || sqlState().startsWith("08") || sqlState().startsWith("57P");
    }
}
