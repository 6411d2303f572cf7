package dev.gateway.registry.pool;

import dev.gateway.problems.FieldError;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Field rules shared by pool create and update. */
final class PoolRules {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,62}$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.:-]{1,253}$");
    private static final Pattern DATABASE = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final Set<String> ISOLATIONS = Set.of("database", "schema");
    private static final Set<String> STATUSES = Set.of(SharedPool.ACTIVE, SharedPool.DRAINING);

    private PoolRules() {
    }

    static void name(List<FieldError> errors, String value) {
        check(errors, value != null && NAME.matcher(value).matches(), "name", "name must match " + NAME.pattern());
    }

    static void host(List<FieldError> errors, String value) {
        check(errors, value != null && HOST.matcher(value).matches(), "host", "host must be a host name or IP address");
    }

    static void port(List<FieldError> errors, Integer value) {
        check(errors, value != null && value >= 1 && value <= 65535, "port", "port must be between 1 and 65535");
    }

    static void database(List<FieldError> errors, String value) {
        check(errors, value != null && DATABASE.matcher(value).matches(), "database", "database must match " + DATABASE.pattern());
    }

    static void isolation(List<FieldError> errors, String value) {
        check(errors, value != null && ISOLATIONS.contains(value), "isolation", "isolation must be database or schema");
    }

    static void maxTenants(List<FieldError> errors, Integer value) {
        check(errors, value != null && value >= 1 && value <= 1_000_000, "max_tenants", "max_tenants must be between 1 and 1000000");
    }

    static void status(List<FieldError> errors, String value) {
        check(errors, value != null && STATUSES.contains(value), "status", "status must be active or draining");
    }

    private static void check(List<FieldError> errors, boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
    }
}
