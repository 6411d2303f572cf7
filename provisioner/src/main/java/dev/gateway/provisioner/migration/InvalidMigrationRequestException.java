package dev.gateway.provisioner.migration;

public class InvalidMigrationRequestException extends RuntimeException {

    public InvalidMigrationRequestException(String message) {
        super(message);
    }
}
