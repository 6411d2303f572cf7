package dev.gateway.registry.auth;

/** Admin token roles: admin writes; viewer and service read. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";
    public static final String SERVICE = "service";

    private Roles() {
    }
}
