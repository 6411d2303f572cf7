package dev.gateway.provisioner.migration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartMigrationRequestTest {

    @Test
    void shouldDefaultAFleetRun() {
        MigrationRunPlan plan = new StartMigrationRequest(null, true, null, null, null).toPlan(32);
        assertNull(plan.tenant());
        assertEquals(8, plan.parallel());
        assertEquals(0, plan.canary());
    }

    @Test
    void shouldKeepOptions() {
        MigrationRunPlan plan = new StartMigrationRequest(null, true, 4, true, 2).toPlan(32);
        assertTrue(plan.skipFailing());
        assertEquals(4, plan.parallel());
        assertEquals(2, plan.canary());
        assertEquals("acme", new StartMigrationRequest("acme", null, null, null, null).toPlan(32).tenant());
    }

    @Test
    void shouldRefuseAmbiguousOrOutOfRangeRequests() {
        assertThrows(InvalidMigrationRequestException.class, () -> new StartMigrationRequest(null, null, null, null, null).toPlan(32));
        assertThrows(InvalidMigrationRequestException.class, () -> new StartMigrationRequest("acme", true, null, null, null).toPlan(32));
        assertThrows(InvalidMigrationRequestException.class, () -> new StartMigrationRequest(null, true, 33, null, null).toPlan(32));
        assertThrows(InvalidMigrationRequestException.class, () -> new StartMigrationRequest(null, true, 1, null, -1).toPlan(32));
        assertThrows(InvalidMigrationRequestException.class, () -> new StartMigrationRequest("ACME", null, null, null, null).toPlan(32));
    }
}
