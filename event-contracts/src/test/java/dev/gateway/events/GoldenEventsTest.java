package dev.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class GoldenEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
            "tenant.created, dev.gateway.events.TenantSnapshot",
            "tenant.ready, dev.gateway.events.TenantSnapshot",
            "provisioning.succeeded, dev.gateway.events.ProvisioningResult",
            "provisioning.failed, dev.gateway.events.ProvisioningResult",
            "migration.tenant.succeeded, dev.gateway.events.MigrationResult",
            "route.published, dev.gateway.events.RouteChange",
            "signup.requested, dev.gateway.events.SignupSnapshot",
            "signup.approved, dev.gateway.events.SignupSnapshot",
            "signup.rejected, dev.gateway.events.SignupSnapshot",
            "mail.send, dev.gateway.events.MailRequest",
            "activity.project.created, dev.gateway.events.ActivityRecord",
            "activity.login.failed, dev.gateway.events.ActivityRecord",
            "usage.requests, dev.gateway.events.RequestUsage",
            "usage.storage, dev.gateway.events.StorageUsage"})
    void shouldRoundTripGoldenEventWithoutLosingAField(String type, Class<?> payload) throws IOException {
        byte[] golden = golden(type);

        EventEnvelope envelope = EventCodec.decode(golden);
        EventEnvelope rebuilt = new EventEnvelope(envelope.id(), envelope.type(), envelope.schemaVersion(),
                envelope.tenant(), envelope.revision(), envelope.occurredAt(), envelope.correlationId(),
                EventCodec.toTree(envelope.dataAs(payload)));

        assertEquals(EventType.ofSubject(type), envelope.eventType());
        assertEquals(JSON.readTree(golden), JSON.readTree(EventCodec.encode(rebuilt)));
    }

    @ParameterizedTest
    @CsvSource({"tenant.created", "tenant.ready"})
    void shouldReadTenantSnapshotFieldsByTheirWireNames(String type) throws IOException {
        EventEnvelope envelope = EventCodec.decode(golden(type));
        TenantSnapshot snapshot = envelope.dataAs(TenantSnapshot.class);
        JsonNode data = envelope.data();

        assertEquals(data.get("company_name").asText(), snapshot.companyName());
        assertEquals(data.get("rate_per_second").asInt(), snapshot.ratePerSecond());
        assertEquals(data.get("pool").get("host").asText(), snapshot.pool().host());
        assertEquals(envelope.revision(), snapshot.revision());
        assertNotNull(snapshot.createdAt());
    }

    @ParameterizedTest
    @CsvSource({"signup.requested, pending", "signup.approved, approved", "signup.rejected, rejected"})
    void shouldReadSignupSnapshotFieldsByTheirWireNames(String type, String status) throws IOException {
        EventEnvelope envelope = EventCodec.decode(golden(type));
        SignupSnapshot snapshot = envelope.dataAs(SignupSnapshot.class);
        JsonNode data = envelope.data();

        assertEquals(data.get("company_name").asText(), snapshot.companyName());
        assertEquals(data.get("admin_email").asText(), snapshot.adminEmail());
        assertEquals(envelope.tenant(), snapshot.key());
        assertEquals(envelope.revision(), snapshot.revision());
        assertEquals(status, snapshot.status());
    }

    @ParameterizedTest
    @CsvSource({"mail.send"})
    void shouldReadMailRequestByItsWireNames(String type) throws IOException {
        MailRequest mail = EventCodec.decode(golden(type)).dataAs(MailRequest.class);

        assertEquals("ops@acme.example", mail.to());
        assertEquals("signup-received", mail.template());
        assertEquals("acme", mail.params().get("key"));
    }

    static byte[] golden(String type) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/events/" + type + ".v1.json")) {
            assertNotNull(in, "golden file for " + type);
            return in.readAllBytes();
        }
    }
}
