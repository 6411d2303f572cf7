package dev.gateway.provisioner.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.provisioner.pool.Isolation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Consumer side of the contract: the golden tenant.created is accepted; producer side: provisioning.* keeps its shape. */
class TenantRequestTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAcceptTheGoldenTenantCreatedEvent() throws IOException {
        EventEnvelope event = EventCodec.decode(golden("tenant.created"));
        TenantRequest request = TenantRequest.from(event, "postgres");

        assertEquals("acme", request.key());
        assertEquals(Isolation.DATABASE, request.location().isolation());
        assertEquals("tenant_acme", request.location().database());
        assertEquals("tenant_acme", request.location().schema());
        assertEquals("tenant_acme", request.location().role());
        assertEquals("127.0.0.1:5432", request.location().pool().key());
        assertEquals("ops@acme.example", request.adminEmail());
        assertEquals("cf3c4f26ce270f84d8c96721863fcf35abae87f850c0b133f38cc3bf5b08f014", request.adminInvitationHash());
        assertEquals(event.occurredAt(), request.occurredAt());
    }

    @Test
    void shouldPlaceSchemaTenantsInThePoolDatabase() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(golden("tenant.created"));
        ((ObjectNode) json.get("data")).put("isolation", "schema");
        ((ObjectNode) json.get("data").get("pool")).put("database", "postgres");
        TenantRequest request = TenantRequest.from(EventCodec.decode(JSON.writeValueAsBytes(json)), "postgres");

        assertEquals(Isolation.SCHEMA, request.location().isolation());
        assertEquals("gateway_tenants", request.location().database());
    }

    @Test
    void shouldRefuseEventsItCannotActOn() throws IOException {
        for (String[] change : new String[][]{{"isolation", "replicated"}, {"key", "Robert'); DROP"},
                {"admin_invitation_hash", "$2a$04$tWwWcIdfvIHrDu3bmWbQbuA3TVs0cX3pR6WjI1c3vRxyNDx7vV2yS"},
                {"admin_invitation_hash", "CF3C4F26CE270F84D8C96721863FCF35ABAE87F850C0B133F38CC3BF5B08F014"}}) {
            ObjectNode json = (ObjectNode) JSON.readTree(golden("tenant.created"));
            ((ObjectNode) json.get("data")).put(change[0], change[1]);
            EventEnvelope event = EventCodec.decode(JSON.writeValueAsBytes(json));
            ProvisioningFailure failure = assertThrows(ProvisioningFailure.class, () -> TenantRequest.from(event, "postgres"));
            assertEquals(FailureCode.INVALID_REQUEST, failure.code());
        }
    }

    @Test
    void shouldEmitProvisioningResultsInTheGoldenShape() throws IOException {
        EventEnvelope cause = EventCodec.decode(golden("tenant.created"));
        TenantRequest request = TenantRequest.from(cause, "postgres");
        for (String type : new String[]{"provisioning.succeeded", "provisioning.failed"}) {
            EventEnvelope emitted = TenantEvents.of(EventType.ofSubject(type), cause, request, "1", 12,
                    type.endsWith("failed") ? FailureCode.POOL_UNREACHABLE : null, null, null);
            JsonNode ours = JSON.readTree(EventCodec.encode(emitted));
            JsonNode theirs = JSON.readTree(golden(type));
            assertEquals(fields(theirs), fields(ours));
            assertEquals(fields(theirs.get("data")), fields(ours.get("data")));
            assertEquals(cause.id(), emitted.correlationId());
            assertEquals(cause.revision(), emitted.revision());
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static byte[] golden(String type) throws IOException {
        try (InputStream in = TenantRequestTest.class.getResourceAsStream("/events/" + type + ".v1.json")) {
            return in.readAllBytes();
        }
    }
}
