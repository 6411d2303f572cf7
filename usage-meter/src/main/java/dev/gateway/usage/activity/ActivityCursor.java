package dev.gateway.usage.activity;

import dev.gateway.usage.query.InvalidQueryException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a page of the feed ends: the last entry's time and id, opaque to clients (base64url). */
public record ActivityCursor(Instant occurredAt, UUID id) {

    public static ActivityCursor of(ActivityItem last) {
        return new ActivityCursor(last.occurredAt(), UUID.fromString(last.id()));
    }

    public static ActivityCursor parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new ActivityCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidQueryException("cursor is not one this API returned");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((occurredAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
