package dev.gateway.app.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Keyset position {@code (created_at, id)}, opaque to clients (base64url). */
public record Cursor(OffsetDateTime createdAt, UUID id) {

    public String encode() {
        Instant at = createdAt.toInstant();
        String raw = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split("\\.", 3);
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new Cursor(at.atOffset(ZoneOffset.UTC), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | java.time.DateTimeException e) {
            throw ProblemException.validation("cursor is not valid");
        }
    }

    /** Cuts the {@code limit + 1} fetched rows to a page; the extra row only says there is more. */
    public static <T> Page<T> page(List<T> rows, int limit, Function<T, Cursor> position) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), position.apply(items.get(limit - 1)).encode());
    }
}
