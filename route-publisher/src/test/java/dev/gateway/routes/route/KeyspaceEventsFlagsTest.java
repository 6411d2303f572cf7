package dev.gateway.routes.route;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyspaceEventsFlagsTest {

    @ParameterizedTest(name = "''{0}'' lacks ''{1}''")
    @CsvSource(value = {
            "'',K g$", "AKE,''", "KEA,''", "K$g,''", "gxK$,''", "Ex,Kg$", "KA,''", "K$,g", "Kg,$", "E$g,K"},
            quoteCharacter = '\'')
    void shouldNameTheFlagsTraefikStillNeeds(String flags, String missing) {
        KeyspaceEventsFlags check = new KeyspaceEventsFlags(flags);
        assertEquals(missing.replace(" ", ""), check.missing());
        assertEquals(missing.isEmpty(), check.sufficient());
        assertEquals("", new KeyspaceEventsFlags(check.completed()).missing());
    }
}
