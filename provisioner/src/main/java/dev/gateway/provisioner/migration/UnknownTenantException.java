package dev.gateway.provisioner.migration;

/** A migration was asked for a tenant this provisioner has not placed, or that is not ready. */
public class UnknownTenantException extends RuntimeException {

    public UnknownTenantException(String tenant) {
        super("tenant '" + tenant + "' is not a ready tenant of this provisioner");
    }
}
