package dev.gateway.events;

/**
 * The Redis tenant directory of DESIGN.md §6: written by the route-publisher, read by the
 * app-gateway. Hash {@code tenant:<key>} with the fields below; every change is announced by
 * publishing the tenant key on {@link #CHANNEL}.
 */
public final class TenantDirectory {

    public static final String KEY_PREFIX = "tenant:";
    public static final String CHANNEL = "tenant-directory";

    public static final String STATUS = "status";
    public static final String COMPANY_NAME = "company_name";
    public static final String PLAN = "plan";
    public static final String RATE_PER_SECOND = "rate_per_second";
    public static final String BURST = "burst";
    public static final String MAX_USERS = "max_users";
    /** 0 or absent: unlimited. */
    public static final String MAX_PROJECTS = "max_projects";
    /** 0 or absent: unlimited. */
    public static final String MAX_STORAGE_MB = "max_storage_mb";
    /** Comma-separated feature keys. */
    public static final String FEATURES = "features";
    public static final String ISOLATION = "isolation";
    public static final String POOL_HOST = "pool_host";
    public static final String POOL_PORT = "pool_port";
    public static final String DB_NAME = "db_name";
    public static final String SCHEMA_NAME = "schema_name";
    public static final String ROLE = "role";
    public static final String REVISION = "revision";

    private TenantDirectory() {
    }

    public static String key(String tenantKey) {
        return KEY_PREFIX + tenantKey;
    }
}
