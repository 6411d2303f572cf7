package dev.gateway.registry.tenant;

/** Who caused a change, for the lifecycle history: an admin user name, or a service. */
public record Actor(String name) {

    public static final Actor PROVISIONER = new Actor("provisioner");
}
