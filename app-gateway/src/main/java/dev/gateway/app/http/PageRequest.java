package dev.gateway.app.http;

import io.micronaut.core.annotation.Nullable;

/** A validated {@code ?limit=&cursor=} pair: fetch {@code limit + 1} rows after {@code after}. */
public record PageRequest(int limit, @Nullable Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(@Nullable Integer limit, @Nullable String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.validation("limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    }
}
