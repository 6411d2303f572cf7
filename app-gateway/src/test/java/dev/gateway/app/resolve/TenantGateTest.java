package dev.gateway.app.resolve;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TenantGateTest {

    @ParameterizedTest
    @CsvSource({"pending,503,tenant-provisioning", "provisioning,503,tenant-provisioning",
            "suspended,503,tenant-suspended", "failed,404,tenant-not-found", "deleting,410,tenant-deleted",
            "deleted,410,tenant-deleted", "bogus,404,tenant-not-found"})
    void shouldAnswerEveryNonReadyStatus(String status, int code, String type) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> TenantGate.admit(TenantEntry.parse("acme", Map.of("status", status))));
        assertEquals(code, e.problem().status());
        assertEquals("https://gateway.dev/problems/" + type, e.problem().type());
    }

    @org.junit.jupiter.api.Test
    void shouldAdmitReadyTenants() {
        assertDoesNotThrow(() -> TenantGate.admit(TenantEntry.parse("acme", Map.of("status", "ready"))));
    }
}
