package dev.gateway.registry.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursor: the sort key of the last item of a page, base64url encoded with a version prefix,
 * so clients cannot depend on its content.
 */
public final class Cursor {

    private static final String PREFIX = "v1:";
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    private Cursor() {
    }

    public static String encode(String lastSortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastSortKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key after which the next page starts, or null for the first page. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX) || raw.length() == PREFIX.length()) {
                throw new ValidationException("cursor", "cursor is not valid");
            }
            return raw.substring(PREFIX.length());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "cursor is not valid");
        }
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
