package dev.gateway.provisioner.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;

/** Builds the provisioning.* envelopes: correlated to the tenant event and carrying its revision. */
final class TenantEvents {

    private TenantEvents() {
    }

    static EventEnvelope of(EventType type, EventEnvelope cause, TenantRequest request, String schemaVersion,
                            long durationMs, FailureCode code, String message, String backupPath) {
        ProvisioningResult result = new ProvisioningResult(
                request.tenantId() == null ? null : request.tenantId().toString(),
                request.location().isolation().wire(),
                request.location().pool().host(),
                request.location().pool().port(),
                request.location().database(),
                request.location().schema(),
                request.location().role(),
                schemaVersion, durationMs,
                code == null ? null : code.wire(), message, backupPath);
        return EventEnvelope.of(type, request.key(), cause.revision(), cause.id(), result);
    }

    /** A failure for an event that names no usable tenant location. */
    static EventEnvelope invalid(EventEnvelope cause, String message) {
        ProvisioningResult result = new ProvisioningResult(null, null, null, 0, null, null, null, null, 0,
                FailureCode.INVALID_REQUEST.wire(), message, null);
        return EventEnvelope.of(EventType.PROVISIONING_FAILED, cause.tenant(), cause.revision(), cause.id(), result);
    }
}
