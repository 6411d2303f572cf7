package dev.gateway.app.directory;

import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantKey;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One tenant as the Redis directory describes it. The directory is trusted for state and limits only:
 * the role, schema and (database isolation) database are derived from the key, exactly as the
 * provisioner names them, so whoever can write the directory cannot point a tenant at another tenant's
 * objects; the pool server is checked against the configured ones before any connection
 * ({@code db/TenantPools}). Everything derived per request (the SQL that scopes a transaction, the
 * rate-limit key and emission interval, the RateLimit-Policy header) is computed once here, when the
 * entry is loaded, not on every request.
 */
public record TenantEntry(
        String key,
        String status,
        String companyName,
        String plan,
        int ratePerSecond,
        int burst,
        int maxUsers,
        int maxProjects,
        int maxStorageMb,
        List<String> features,
        String isolation,
        @Nullable String poolHost,
        int poolPort,
        @Nullable String dbName,
        long revision,
        @Nullable String scopeSql,
        String rateLimitKey,
        long emissionInterval,
        String rateLimitPolicy) {

    /** Only names of this shape reach SQL or a JDBC URL, and they are quoted as well. */
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    /** Every tenant database is named {@code tenant_<key>}; a shared pool database never is. */
    private static final String TENANT_OBJECT_PREFIX = "tenant_";
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.\\-]{1,253}$");
    /** Quotas of the plan (or the tenant's override); absent or 0 = unlimited. */
    static final String MAX_PROJECTS = "max_projects";
    static final String MAX_STORAGE_MB = "max_storage_mb";

    public static TenantEntry parse(String key, Map<String, String> hash) {
        int rate = Math.max(1, integer(hash.get(TenantDirectory.RATE_PER_SECOND)));
        int burst = Math.max(1, integer(hash.get(TenantDirectory.BURST)));
        String objectName = TenantKey.isValid(key) ? TenantKey.objectName(key) : null;
        String isolation = hash.getOrDefault(TenantDirectory.ISOLATION, "schema");
        String host = hash.get(TenantDirectory.POOL_HOST);
        String features = hash.getOrDefault(TenantDirectory.FEATURES, "");
        long interval = Math.max(1, 1_000_000L / rate);
        return new TenantEntry(key,
                hash.getOrDefault(TenantDirectory.STATUS, "unknown"),
                hash.getOrDefault(TenantDirectory.COMPANY_NAME, key),
                hash.getOrDefault(TenantDirectory.PLAN, ""),
                rate, burst,
                integer(hash.get(TenantDirectory.MAX_USERS)),
                integer(hash.get(MAX_PROJECTS)),
                integer(hash.get(MAX_STORAGE_MB)),
                features.isBlank() ? List.of() : Arrays.stream(features.split(",")).map(String::trim)
                        .filter(f -> !f.isEmpty()).toList(),
                isolation,
                host != null && HOST.matcher(host).matches() ? host : null,
                integer(hash.get(TenantDirectory.POOL_PORT)),
                database(isolation, objectName, hash.get(TenantDirectory.DB_NAME)),
                longValue(hash.get(TenantDirectory.REVISION)),
                objectName == null ? null
                        : "SET LOCAL ROLE \"" + objectName + "\"; SET LOCAL search_path = \"" + objectName + "\"",
                "rl:" + key,
                interval,
                "\"tenant\";q=" + burst + ";w=" + Math.max(1, (burst + rate - 1) / rate));
    }

    public boolean isDatabaseIsolated() {
        return "database".equals(isolation);
    }

    /** Database isolation: the tenant's own database; schema isolation: the pool's shared database. */
    @Nullable
    private static String database(String isolation, @Nullable String objectName, @Nullable String sharedDatabase) {
        return switch (isolation) {
            case "database" -> objectName;
            case "schema" -> {
                String shared = identifier(sharedDatabase);
                yield shared == null || shared.startsWith(TENANT_OBJECT_PREFIX) ? null : shared;
            }
            default -> null;
        };
    }

    @Nullable
    private static String identifier(@Nullable String value) {
        return value != null && IDENTIFIER.matcher(value).matches() ? value : null;
    }

    private static int integer(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long longValue(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
