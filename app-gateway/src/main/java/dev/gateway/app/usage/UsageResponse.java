package dev.gateway.app.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The calling tenant's usage this period (UTC month) against its plan; a null limit is unlimited. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UsageResponse(String period, Quota users, Quota projects, Quota storageMb, Quota requests,
                            int ratePerSecond, String plan) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Quota(long used, @Nullable Long limit) {

        /** {@code limit} 0 (or less) is unlimited. */
        static Quota of(long used, long limit) {
            return new Quota(used, limit > 0 ? limit : null);
        }
    }
}
