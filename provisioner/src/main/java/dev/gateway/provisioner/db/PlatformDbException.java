package dev.gateway.provisioner.db;

import java.sql.SQLException;

/** The provisioner's own database failed; the work is retried (nak), never reported as a tenant failure. */
public class PlatformDbException extends RuntimeException {

    public PlatformDbException(SQLException cause) {
        super("platform database: " + cause.getMessage(), cause);
    }
}
