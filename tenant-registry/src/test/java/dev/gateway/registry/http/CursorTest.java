package dev.gateway.registry.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void shouldRoundTripTheLastKey() {
        assertEquals("acme-logistics", Cursor.decode(Cursor.encode("acme-logistics")));
        assertNull(Cursor.decode(null));
        assertNull(Cursor.decode(""));
    }

    @Test
    void shouldRefuseForeignCursorsAsValidationProblems() {
        for (String bad : new String[] {"***", "bm9wZQ", Cursor.encode("").substring(0, 2)}) {
            ValidationException e = assertThrows(ValidationException.class, () -> Cursor.decode(bad), bad);
            assertEquals(400, e.status());
            assertEquals("https://gateway.dev/problems/validation", e.toProblem().type());
        }
    }

    @Test
    void shouldBoundTheLimit() {
        assertEquals(Cursor.DEFAULT_LIMIT, Cursor.limit(null));
        assertEquals(1, Cursor.limit(1));
        assertEquals(500, Cursor.limit(500));
        assertThrows(ValidationException.class, () -> Cursor.limit(0));
        assertThrows(ValidationException.class, () -> Cursor.limit(501));
    }
}
