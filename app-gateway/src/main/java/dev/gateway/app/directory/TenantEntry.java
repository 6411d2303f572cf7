package dev.gateway.app.directory;

import dev.gateway.events.TenantDirectory;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One tenant as the Redis directory describes it. Everything derived per request (the SQL that
 * scopes a transaction, the rate-limit key and emission interval, the RateLimit-Policy header) is computed
 * once here, when the entry is loaded, not on every request.
 */
public record TenantEntry(
        String key,
        String status,
        String companyName,
        String plan,
        int ratePerSecond,
        int burst,
        int maxUsers,
        List<String> features,
        String isolation,
        @Nullable String poolHost,
        int poolPort,
        @Nullable String dbName,
        @Nullable String schemaName,
        @Nullable String role,
        long revision,
        @Nullable String scopeSql,
        String rateLimitKey,
        long emissionInterval,
        String rateLimitPolicy) {

    /** Only names of this shape reach SQL, and they are quoted as well. */
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.\\-]{1,253}$");

    public static TenantEntry parse(String key, Map<String, String> hash) {
        int rate = Math.max(1, integer(hash.get(TenantDirectory.RATE_PER_SECOND)));
        int burst = Math.max(1, integer(hash.get(TenantDirectory.BURST)));
        String role = identifier(hash.get(TenantDirectory.ROLE));
        String schema = identifier(hash.get(TenantDirectory.SCHEMA_NAME));
        String host = hash.get(TenantDirectory.POOL_HOST);
        String features = hash.getOrDefault(TenantDirectory.FEATURES, "");
        long interval = Math.max(1, 1_000_000L / rate);
        return new TenantEntry(key,
                hash.getOrDefault(TenantDirectory.STATUS, "unknown"),
                hash.getOrDefault(TenantDirectory.COMPANY_NAME, key),
                hash.getOrDefault(TenantDirectory.PLAN, ""),
                rate, burst,
                integer(hash.get(TenantDirectory.MAX_USERS)),
                features.isBlank() ? List.of() : Arrays.stream(features.split(",")).map(String::trim)
                        .filter(f -> !f.isEmpty()).toList(),
                hash.getOrDefault(TenantDirectory.ISOLATION, "schema"),
                host != null && HOST.matcher(host).matches() ? host : null,
                integer(hash.get(TenantDirectory.POOL_PORT)),
                identifier(hash.get(TenantDirectory.DB_NAME)),
                schema, role,
                longValue(hash.get(TenantDirectory.REVISION)),
                role == null || schema == null ? null
                        : "SET LOCAL ROLE \"" + role + "\"; SET LOCAL search_path = \"" + schema + "\"",
                "rl:" + key,
                interval,
                "\"tenant\";q=" + burst + ";w=" + Math.max(1, (burst + rate - 1) / rate));
    }

    public boolean isDatabaseIsolated() {
        return "database".equals(isolation);
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
