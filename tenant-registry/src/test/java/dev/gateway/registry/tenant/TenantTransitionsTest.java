package dev.gateway.registry.tenant;

import dev.gateway.events.EventType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.gateway.registry.tenant.TenantStatus.DELETED;
import static dev.gateway.registry.tenant.TenantStatus.DELETING;
import static dev.gateway.registry.tenant.TenantStatus.FAILED;
import static dev.gateway.registry.tenant.TenantStatus.PENDING;
import static dev.gateway.registry.tenant.TenantStatus.PROVISIONING;
import static dev.gateway.registry.tenant.TenantStatus.READY;
import static dev.gateway.registry.tenant.TenantStatus.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantTransitionsTest {

    /** The expected table: DESIGN.md §4 plus failed → deleting and retry (failed → pending). */
    private static final Map<TenantStatus, Map<TenantStatus, EventType>> EXPECTED = Map.of(
            PENDING, Map.of(PROVISIONING, EventType.TENANT_PROVISIONING, FAILED, EventType.TENANT_FAILED),
            PROVISIONING, Map.of(READY, EventType.TENANT_READY, FAILED, EventType.TENANT_FAILED),
            READY, Map.of(SUSPENDED, EventType.TENANT_SUSPENDED, DELETING, EventType.TENANT_DELETING),
            SUSPENDED, Map.of(READY, EventType.TENANT_ACTIVATED, DELETING, EventType.TENANT_DELETING),
            FAILED, Map.of(PENDING, EventType.TENANT_RETRIED, DELETING, EventType.TENANT_DELETING),
            DELETING, Map.of(DELETED, EventType.TENANT_DELETED),
            DELETED, Map.of());

    @Test
    void shouldAllowExactlyTheDesignedMovesWithTheirEvents() {
        int allowed = 0;
        for (TenantStatus from : TenantStatus.values()) {
            for (TenantStatus to : TenantStatus.values()) {
                EventType expected = EXPECTED.get(from).get(to);
                if (expected != null) {
                    assertTrue(TenantTransitions.isAllowed(from, to), from + " -> " + to);
                    assertEquals(expected, TenantTransitions.eventFor(from, to), from + " -> " + to);
                    allowed++;
                } else {
                    assertFalse(TenantTransitions.isAllowed(from, to), from + " -> " + to);
                    IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                            () -> TenantTransitions.eventFor(from, to));
                    assertEquals(409, refused.status());
                    assertEquals("https://gateway.dev/problems/illegal-transition", refused.toProblem().type());
                    assertEquals(Map.of("from", from.wire(), "to", to.wire()), refused.toProblem().extensions());
                }
            }
        }
        assertEquals(11, allowed);
    }

    @Test
    void shouldRefuseActivateWhenDeleted() {
        assertThrows(IllegalTransitionException.class, () -> TenantTransitions.eventFor(DELETED, READY));
    }

    @Test
    void shouldRefuseDeletingAPendingTenant() {
        assertThrows(IllegalTransitionException.class, () -> TenantTransitions.eventFor(PENDING, DELETING));
    }

    @Test
    void shouldAcceptSettingChangesUntilDeletionStarts() {
        Set<TenantStatus> editable = EnumSet.of(PENDING, PROVISIONING, READY, SUSPENDED, FAILED);
        for (TenantStatus status : TenantStatus.values()) {
            assertEquals(editable.contains(status), TenantTransitions.acceptsUpdates(status), status.wire());
        }
    }

    @Test
    void shouldReadAndWriteLowerCaseStatusNames() {
        for (TenantStatus status : TenantStatus.values()) {
            assertEquals(status, TenantStatus.of(status.wire()));
        }
        assertFalse(TenantStatus.isValid("PENDING"));
        assertThrows(IllegalArgumentException.class, () -> TenantStatus.of("gone"));
    }
}
