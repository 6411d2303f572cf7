package dev.gateway.provisioner.migration;

import java.util.UUID;

public class MigrationRunNotFoundException extends RuntimeException {

    public MigrationRunNotFoundException(UUID runId) {
        super("migration run " + runId + " does not exist");
    }
}
