package dev.gateway.provisioner.tenant;

/** Provisioning cannot complete; reported as {@code provisioning.failed}, never retried automatically. */
public class ProvisioningFailure extends RuntimeException {

    private final FailureCode code;

    public ProvisioningFailure(FailureCode code, String message) {
        super(message);
        this.code = code;
    }

    public ProvisioningFailure(FailureCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public FailureCode code() {
        return code;
    }
}
