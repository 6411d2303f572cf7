package dev.gateway.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UtcInstantDeserializerTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123Z", "2026-11-23T23:59:59.999999999Z",
            "2024-02-29T00:00:00.1Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.5Z", "0001-01-01T00:00:00Z"})
    void shouldReadUtcTimestampsAsInstantParseDoes(String text) {
        assertEquals(Instant.parse(text), UtcInstantDeserializer.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00+01:00", "2026-11-23T10:00:00.Z", "2026-11-23 10:00:00Z",
            "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T10:60:00Z",
            "20x6-11-23T10:00:00Z", "2026-11-23T10:00:00.12x4Z", "+10000-01-01T00:00:00Z", ""})
    void shouldLeaveOtherFormsToJackson(String text) {
        assertNull(UtcInstantDeserializer.parse(text));
    }

    @Test
    void shouldDecodeOffsetsAndRefuseNonsenseAsBefore() {
        String withOffset = envelope("2026-11-23T11:00:00.250+01:00");
        assertEquals(Instant.parse("2026-11-23T10:00:00.250Z"),
                EventCodec.decode(withOffset.getBytes(StandardCharsets.UTF_8)).occurredAt());
        assertThrows(MalformedEventException.class,
                () -> EventCodec.decode(envelope("2026-02-30T00:00:00Z").getBytes(StandardCharsets.UTF_8)));
    }

    private static String envelope(String occurredAt) {
        return """
                {"id":"6f1d0c2e-0000-4000-8000-000000000001","type":"activity.login.succeeded","schema_version":1,
                 "tenant":"acme","revision":1,"occurred_at":"%s","correlation_id":"c","data":{}}""".formatted(occurredAt);
    }
}
