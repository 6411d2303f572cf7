package dev.gateway.provisioner.migration;

/** A tenant migration script failed; Flyway rolled it back and the tenant stays at its last version. */
public class MigrationFailedException extends RuntimeException {

    public MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
