package dev.gateway.app.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tenant the fixture created, with its first admin as the provisioner leaves it: invited, with the token of its
 * single-use link. {@link Api#login(ProvisionedTenant)} accepts the invitation with {@link #adminPassword()} the
 * first time it is called.
 */
public final class ProvisionedTenant {

    private final String key;
    private final String objectName;
    private final String isolation;
    private final String database;
    private final String adminEmail;
    private final String adminPassword;
    private final String invitationToken;
    private final UUID adminId;
    private final AtomicBoolean activated = new AtomicBoolean();

    ProvisionedTenant(String key, String objectName, String isolation, String database, String adminEmail,
                      String adminPassword, String invitationToken, UUID adminId) {
        this.key = key;
        this.objectName = objectName;
        this.isolation = isolation;
        this.database = database;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
        this.invitationToken = invitationToken;
        this.adminId = adminId;
    }

    public String key() {
        return key;
    }

    public String objectName() {
        return objectName;
    }

    public String isolation() {
        return isolation;
    }

    public String database() {
        return database;
    }

    public String adminEmail() {
        return adminEmail;
    }

    /** The password the first admin sets when it accepts the invitation. */
    public String adminPassword() {
        return adminPassword;
    }

    public String invitationToken() {
        return invitationToken;
    }

    public UUID adminId() {
        return adminId;
    }

    /** True the first time only: whoever gets it accepts the invitation. */
    boolean claimActivation() {
        return activated.compareAndSet(false, true);
    }
}
