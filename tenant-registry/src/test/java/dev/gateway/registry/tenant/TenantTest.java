package dev.gateway.registry.tenant;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TenantTest {

    @Test
    void shouldBumpRevisionAndStampReadyOnlyTheFirstTime() {
        Instant t1 = TenantFixtures.CREATED.plusSeconds(1);
        Instant t2 = TenantFixtures.CREATED.plusSeconds(2);
        Instant t3 = TenantFixtures.CREATED.plusSeconds(3);
        Tenant ready = TenantFixtures.pending("acme").moveTo(TenantStatus.PROVISIONING, null, t1)
                .moveTo(TenantStatus.READY, null, t2);
        assertEquals(3, ready.revision());
        assertEquals(t2, ready.readyAt());
        Tenant again = ready.moveTo(TenantStatus.SUSPENDED, "by ops", t3).moveTo(TenantStatus.READY, null, t3);
        assertEquals(t2, again.readyAt());
        assertEquals(5, again.revision());
        assertNull(again.statusReason());
        assertNull(again.deletedAt());
    }

    @Test
    void shouldStampDeletionAndKeepTheRequestBookkeeping() {
        Tenant pending = TenantFixtures.pending("acme");
        Instant at = TenantFixtures.CREATED.plusSeconds(9);
        Tenant deleted = pending.moveTo(TenantStatus.DELETED, null, at);
        assertEquals(at, deleted.deletedAt());
        assertEquals(pending.requestEventId(), deleted.requestEventId());
        assertEquals(pending.requestRevision(), deleted.requestRevision());
    }

    @Test
    void shouldChangeSettingsAsANewRevisionWithoutTouchingStatus() {
        Tenant pending = TenantFixtures.pending("acme");
        Tenant changed = pending.withSettings("Acme 2", "enterprise", 9, null, 4, 12, 0,
                TenantFixtures.CREATED.plusSeconds(1));
        assertEquals(2, changed.revision());
        assertEquals("pending", changed.status());
        assertEquals("enterprise", changed.plan());
        assertEquals(9, changed.ratePerSecond());
        assertNull(changed.burst());
        assertEquals(4, changed.maxUsers());
        assertEquals(12, changed.maxProjects());
        assertEquals(0, changed.maxStorageMb());
    }
}
