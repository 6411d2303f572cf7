package dev.gateway.events;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a tenant key (DESIGN.md §3) and the names derived from it. Only a key that passed
 * {@link #isValid} may become a database, schema, role, Redis key or host name.
 */
public final class TenantKey {

    /** Lower-case letter first, then letters, digits and dashes; 3 to 32 characters; no trailing dash. */
    public static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9-]{1,30}[a-z0-9]$");

    /** Keys that would collide with platform host names or PostgreSQL objects. */
    public static final Set<String> RESERVED = Set.of(
            "admin", "api", "www", "app", "gateway", "traefik", "public", "postgres", "template0", "template1",
            "registry", "provisioner", "routes", "static", "assets", "mail", "smtp", "status", "health",
            "metrics", "prometheus", "dashboard", "root", "system", "internal", "localhost", "information-schema",
            "pg-catalog", "pg-toast", "default", "tenant", "tenants");

    private TenantKey() {
    }

    public static boolean isValid(String key) {
        return key != null && PATTERN.matcher(key).matches() && !RESERVED.contains(key);
    }

    /** Why the key is refused, or null when it is valid. */
    public static String problem(String key) {
        if (key == null || key.isBlank()) {
            return "key is required";
        }
        if (!PATTERN.matcher(key).matches()) {
            return "key must be 3-32 characters: a lower-case letter, then lower-case letters, digits or '-', "
                    + "not ending with '-'";
        }
        if (RESERVED.contains(key)) {
            return "key '" + key + "' is reserved";
        }
        return null;
    }

    /** {@code tenant_<key with - as _>}: the tenant's database, schema and role name. */
    public static String objectName(String key) {
        if (!isValid(key)) {
            throw new IllegalArgumentException("invalid tenant key");
        }
        return "tenant_" + key.replace('-', '_');
    }
}
