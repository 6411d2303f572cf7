package dev.gateway.app.resolve;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;

/** Lets only ready tenants through; every other lifecycle status gets its DESIGN §7 answer. */
public final class TenantGate {

    static final int PROVISIONING_RETRY_SECONDS = 5;

    private TenantGate() {
    }

    public static void admit(TenantEntry tenant) {
        switch (tenant.status()) {
            case "ready" -> {
            }
            case "pending", "provisioning" -> throw new ProblemException(Problem.of(503, "tenant-provisioning",
                    "Tenant provisioning", "tenant " + tenant.key() + " is being set up"), PROVISIONING_RETRY_SECONDS);
            case "suspended" -> throw new ProblemException(Problem.of(503, "tenant-suspended", "Tenant suspended",
                    "tenant " + tenant.key() + " is suspended"));
            case "deleting", "deleted" -> throw new ProblemException(Problem.of(410, "tenant-deleted",
                    "Tenant deleted", "tenant " + tenant.key() + " has been deleted"));
            default -> throw notFound(tenant.key());
        }
    }

    public static ProblemException notFound(String key) {
        return new ProblemException(Problem.of(404, "tenant-not-found", "Tenant not found",
                "no tenant " + key));
    }
}
