package dev.gateway.registry.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** DESIGN.md §7 list shape: {@code {"items":[…], "next_cursor": "…"|null}}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    /** A complete, unpaged list in the same shape. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, null);
    }
}
