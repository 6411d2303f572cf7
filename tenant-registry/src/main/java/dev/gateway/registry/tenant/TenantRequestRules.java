package dev.gateway.registry.tenant;

import dev.gateway.events.TenantKey;
import dev.gateway.problems.FieldError;
import dev.gateway.registry.mail.EmailAddresses;

import java.util.List;

/** Field rules of tenant requests; each adds a readable message to {@code errors}. */
final class TenantRequestRules {

    private static final int MAX_LIMIT_VALUE = 1_000_000;

    private TenantRequestRules() {
    }

    static void key(List<FieldError> errors, String key) {
        String problem = TenantKey.problem(key);
        if (problem != null) {
            errors.add(new FieldError("key", problem));
        }
    }

    static void companyName(List<FieldError> errors, String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            errors.add(new FieldError("company_name", "company_name must be 1 to 200 characters"));
        }
    }

    static void adminEmail(List<FieldError> errors, String email) {
        if (email != null && !EmailAddresses.isValid(email)) {
            errors.add(new FieldError("admin_email", "admin_email is not a valid email address"));
        }
    }

    static void noAdminPassword(List<FieldError> errors, String password) {
        if (password != null) {
            errors.add(new FieldError("admin_password", "admin_password is not accepted: the first admin chooses a"
                    + " password through the invitation link (give admin_email to have it mailed)"));
        }
    }

    /** A quota override: 0 is unlimited. */
    static void quota(List<FieldError> errors, String field, Integer value) {
        if (value != null && (value < 0 || value > MAX_LIMIT_VALUE)) {
            errors.add(new FieldError(field, field + " must be between 0 (unlimited) and " + MAX_LIMIT_VALUE));
        }
    }

    static void limit(List<FieldError> errors, String field, Integer value) {
        if (value != null && (value < 1 || value > MAX_LIMIT_VALUE)) {
            errors.add(new FieldError(field, field + " must be between 1 and " + MAX_LIMIT_VALUE));
        }
    }
}
