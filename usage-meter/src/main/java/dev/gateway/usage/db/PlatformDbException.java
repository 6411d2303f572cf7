package dev.gateway.usage.db;

import java.sql.SQLException;

/** The usage store failed; a consumer retries the batch, HTTP answers 503 or 500. */
public class PlatformDbException extends RuntimeException {

    public PlatformDbException(SQLException cause) {
        super("platform database: " + cause.getMessage(), cause);
    }
}
