package dev.gateway.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventEnvelopeTest {

    @Test
    void shouldCorrelateANewChainToItself() {
        EventEnvelope event = EventEnvelope.of(EventType.TENANT_CREATED, "acme", 1, null, new RouteChange("r", null, List.of()));

        assertEquals(event.id(), event.correlationId());
        assertEquals(4, UUID.fromString(event.id()).version());
        assertEquals("tenant.created", event.type());
        assertEquals(EventEnvelope.CURRENT_SCHEMA_VERSION, event.schemaVersion());
    }

    @Test
    void shouldKeepTheGivenCorrelationAndGiveEachEventItsOwnId() {
        EventEnvelope first = EventEnvelope.of(EventType.TENANT_READY, "acme", 3, "cause", null);
        EventEnvelope second = EventEnvelope.of(EventType.TENANT_READY, "acme", 3, "cause", null);

        assertEquals("cause", first.correlationId());
        assertNotEquals(first.id(), second.id());
    }

    @Test
    void shouldWriteSnakeCaseEnvelopeFields() {
        String json = new String(EventCodec.encode(EventEnvelope.of(EventType.ROUTE_REMOVED, "acme", 9, "c",
                new RouteChange("tenant-acme", null, List.of("k")))), StandardCharsets.UTF_8);

        assertTrue(json.contains("\"schema_version\":1"), json);
        assertTrue(json.contains("\"correlation_id\":\"c\""), json);
        assertTrue(json.contains("\"occurred_at\":\"20"), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"type\":\"tenant.ready\"}", "{\"id\":1}"})
    void shouldRefuseMalformedEvents(String raw) {
        assertThrows(MalformedEventException.class, () -> EventCodec.decode(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldPutEverySubjectInExactlyOneStreamAndResolveItBack(EventType type) {
        assertEquals(type, EventType.ofSubject(type.subject()));
        String prefix = type.subject().substring(0, type.subject().indexOf('.'));
        assertTrue(type.stream().subjects().stream().anyMatch(s -> s.startsWith(prefix + ".")));
    }

    @Test
    void shouldNameDurablesAndDeadLettersByConvention() {
        assertEquals("provisioner-tenants", Stream.TENANTS.durable("provisioner", 1));
        assertEquals("provisioner-tenants-v2", Stream.TENANTS.durable("provisioner", 2));
        assertEquals("deadletter.provisioner-tenants", Stream.deadLetterSubject("provisioner-tenants"));
    }
}
