package dev.gateway.usage.query;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A tenant in the top list: {@code value} is the ranked metric, the rest its totals over the range. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TopItem(String tenant, long value, long requests, long errors, long rateLimited, long dbMs,
                      long storageBytes) {

    static final String[] COLUMNS = {"tenant", "value", "requests", "errors", "rate_limited", "db_ms", "storage_bytes"};

    Object[] cells() {
        return new Object[]{tenant, value, requests, errors, rateLimited, dbMs, storageBytes};
    }
}
