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

    public boolean unavailable() {
        return unavailable || sqlState().startsWith("08");
    }
}
