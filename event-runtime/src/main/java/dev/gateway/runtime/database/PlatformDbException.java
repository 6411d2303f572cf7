package dev.gateway.runtime.database;

import java.sql.SQLException;

/** The service's own platform database failed: the work is retried, never reported as the caller's fault. */
public class PlatformDbException extends RuntimeException {

    public PlatformDbException(SQLException cause) {
        super("platform database: " + cause.getMessage(), cause);
    }
}
