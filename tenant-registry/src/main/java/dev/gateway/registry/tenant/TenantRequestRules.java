package dev.gateway.registry.tenant;

import dev.gateway.events.TenantKey;

import java.util.List;
import java.util.regex.Pattern;

/** Field rules of tenant requests; each adds a readable message to {@code errors}. */
final class TenantRequestRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final int MAX_LIMIT_VALUE = 1_000_000;

    private TenantRequestRules() {
    }

    static void key(List<String> errors, String key) {
        String problem = TenantKey.problem(key);
        if (problem != null) {
            errors.add(problem);
        }
    }

    static void companyName(List<String> errors, String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            errors.add("company_name must be 1 to 200 characters");
        }
    }

    static void adminEmail(List<String> errors, String email) {
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add("admin_email is not a valid email address");
        }
    }

    static void adminPassword(List<String> errors, String password, String email) {
        if (password == null) {
            return;
        }
        if (email == null) {
            errors.add("admin_password needs admin_email");
        }
        if (password.length() < 8 || password.length() > 72) {
            errors.add("admin_password must be 8 to 72 characters");
        }
    }

    static void limit(List<String> errors, String field, Integer value) {
        if (value != null && (value < 1 || value > MAX_LIMIT_VALUE)) {
            errors.add(field + " must be between 1 and " + MAX_LIMIT_VALUE);
        }
    }
}
