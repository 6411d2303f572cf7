package dev.gateway.provisioner.tenant;

/** The machine-readable {@code error_code} of {@code provisioning.failed}. */
public enum FailureCode {
    POOL_UNREACHABLE("pool-unreachable"),
    POOL_FULL("pool-full"),
    POOL_HOST_NOT_ALLOWED("pool-host-not-allowed"),
    POOL_DATABASE_NOT_ALLOWED("pool-database-not-allowed"),
    MIGRATION_FAILED("migration-failed"),
    INVALID_REQUEST("invalid-request"),
    INTERNAL("internal");

    private final String wire;

    FailureCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
