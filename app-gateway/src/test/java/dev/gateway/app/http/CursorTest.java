package dev.gateway.app.http;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void shouldRoundTripWithMicrosecondPrecision() {
        Cursor cursor = new Cursor(OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 123_456_000, ZoneOffset.UTC),
                UUID.randomUUID());
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void shouldRejectTamperedCursors() {
        for (String bad : List.of("!!", "bm90LWEtY3Vyc29y", "", "MS4yLjM")) {
            ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(bad));
            assertEquals(400, e.problem().status());
        }
    }

    @Test
    void shouldCutTheExtraRowIntoNextCursor() {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        List<Cursor> rows = List.of(new Cursor(at, UUID.randomUUID()), new Cursor(at, UUID.randomUUID()),
                new Cursor(at, UUID.randomUUID()));
        Page<Cursor> page = Cursor.page(rows, 2, c -> c);
        assertEquals(2, page.items().size());
        assertEquals(rows.get(1), Cursor.decode(page.nextCursor()));
        assertNull(Cursor.page(rows, 3, c -> c).nextCursor());
    }

    @Test
    void shouldBoundPageSize() {
        assertEquals(20, PageRequest.of(null, null).limit());
        assertThrows(ProblemException.class, () -> PageRequest.of(0, null));
        assertThrows(ProblemException.class, () -> PageRequest.of(101, null));
    }
}
