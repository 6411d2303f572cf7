package dev.gateway.usage.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** A page of the activity feed; {@code nextCursor} null on the last page. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ActivityPage(List<ActivityItem> items, @Nullable String nextCursor) {
}
