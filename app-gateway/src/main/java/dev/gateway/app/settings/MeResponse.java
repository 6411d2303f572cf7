package dev.gateway.app.settings;

import dev.gateway.app.directory.TenantEntry;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** The calling tenant's profile, straight from the directory (no database round trip). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MeResponse(String key, String companyName, String plan, Limits limits, List<String> features,
                         String status) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Limits(int ratePerSecond, int burst, int maxUsers) {
    }

    static MeResponse of(TenantEntry t) {
        return new MeResponse(t.key(), t.companyName(), t.plan(), new Limits(t.ratePerSecond(), t.burst(),
                t.maxUsers()), t.features(), t.status());
    }
}
