package dev.gateway.app.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.users.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * The calling tenant's profile, straight from the directory, and the caller: a user of ours (null for header-only
 * access), or an external IdP's subject with its role and no email or name.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MeResponse(String key, String companyName, String plan, Limits limits, List<String> features,
                         String status, @Nullable Me user) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Limits(int ratePerSecond, int burst, int maxUsers) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Me(String id, @Nullable String email, @Nullable String name, String role) {

        static Me of(User user) {
            return new Me(user.id().toString(), user.email(), user.name(), user.role());
        }
    }

    static MeResponse of(TenantEntry t, @Nullable Me user) {
        return new MeResponse(t.key(), t.companyName(), t.plan(), new Limits(t.ratePerSecond(), t.burst(),
                t.maxUsers()), t.features(), t.status(), user);
    }
}
