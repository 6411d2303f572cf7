package dev.gateway.registry.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/** RFC 7807 body; {@code type} ends in one of the DESIGN.md §7 suffixes. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Problem(String type, String title, int status, @Nullable String detail,
                      @Nullable Map<String, Object> extensions) {

    public static final String BASE = "https://gateway.dev/problems/";

    public static Problem of(int status, String typeSuffix, String title, String detail) {
        return new Problem(BASE + typeSuffix, title, status, detail, null);
    }
}
