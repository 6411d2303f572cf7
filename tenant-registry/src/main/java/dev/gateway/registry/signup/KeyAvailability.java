package dev.gateway.registry.signup;

import dev.gateway.events.TenantKey;
import dev.gateway.registry.tenant.TenantService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a workspace key can still be had: it must follow the key rules, not be reserved (the platform's names
 * plus GATEWAY_RESERVED_KEYS), and belong to no tenant (whatever its status: a deleted tenant's row keeps its key)
 * nor to a signup waiting for a decision.
 */
@Singleton
public class KeyAvailability {

    /** {@code reason} invalid, reserved or taken; null when available. */
    @Serdeable
    public record Answer(String key, boolean available, @Nullable String reason, @Nullable String detail) {
    }

    private final Set<String> reserved;
    private final TenantService tenants;
    private final SignupRepository signups;

    public KeyAvailability(SignupConfiguration config, TenantService tenants, SignupRepository signups) {
        this.reserved = new HashSet<>(TenantKey.RESERVED);
        config.reservedKeys().forEach(k -> reserved.add(k.toLowerCase(Locale.ROOT)));
        this.tenants = tenants;
        this.signups = signups;
    }

    public Answer check(String key) {
        if (key == null || !TenantKey.PATTERN.matcher(key).matches()) {
            return refused(key, "invalid", "A workspace key is 3 to 32 characters: a lower-case letter, then lower-case"
                    + " letters, digits or dashes, not ending with a dash.");
        }
        if (reserved.contains(key)) {
            return refused(key, "reserved", "\"" + key + "\" is reserved by the platform; choose another key.");
        }
        if (tenants.exists(key) || signups.existsByKeyAndStatus(key, SignupStatus.PENDING.wire())) {
            return taken(key);
        }
        return new Answer(key, true, null, null);
    }

    static Answer taken(String key) {
        return refused(key, "taken", "\"" + key + "\" is already taken; choose another key.");
    }

    private static Answer refused(String key, String reason, String detail) {
        return new Answer(key, false, reason, detail);
    }
}
