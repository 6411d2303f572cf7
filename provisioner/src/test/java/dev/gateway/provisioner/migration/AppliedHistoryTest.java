package dev.gateway.provisioner.migration;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppliedHistoryTest {

    static final TenantMigrations.SqlScript V1 = script("1", "tenant tables", 11);
    static final TenantMigrations.SqlScript V1_1 = script("1.1", "more", 12);
    static final TenantMigrations.SqlScript V2 = script("2", "next", 13);
    static final List<TenantMigrations.SqlScript> BUILD = List.of(V1, V1_1, V2);

    static TenantMigrations.SqlScript script(String version, String description, int checksum) {
        return new TenantMigrations.SqlScript(version, description, "V" + version.replace('.', '_') + "__x.sql", checksum, "SELECT 1");
    }

    static AppliedHistory.Row applied(int rank, TenantMigrations.SqlScript s) {
        return new AppliedHistory.Row(rank, s.version(), s.description(), "SQL", s.checksum(), true);
    }

    static Optional<AppliedHistory.Continuation> continuation(AppliedHistory.Row... rows) {
        return new AppliedHistory(List.of(rows)).continuation(BUILD);
    }

    @Test
    void shouldContinueAfterTheCurrentVersion() {
        AppliedHistory.Continuation c = continuation(applied(1, V1), applied(2, V1_1)).orElseThrow();
        assertEquals("1.1", c.from());
        assertEquals(List.of(V2), c.pending());
        assertEquals(3, c.nextRank());
    }

    @Test
    void shouldHaveNothingToDoWhenUpToDate() {
        AppliedHistory.Continuation c = continuation(applied(1, V1), applied(2, V1_1), applied(3, V2)).orElseThrow();
        assertEquals("2", c.from());
        assertEquals(List.of(), c.pending());
    }

    @Test
    void shouldStartFromAnEmptyHistory() {
        AppliedHistory.Continuation c = continuation().orElseThrow();
        assertEquals(null, c.from());
        assertEquals(BUILD, c.pending());
        assertEquals(1, c.nextRank());
    }

    @Test
    void shouldContinueAfterABaselineAndIgnoreVersionsThisBuildDoesNotShip() {
        AppliedHistory.Row baseline = new AppliedHistory.Row(1, "0", "empty tenant schema", "BASELINE", null, true);
        AppliedHistory.Row olderRelease = new AppliedHistory.Row(3, "1.0.5", "dropped later", "SQL", 99, true);
        AppliedHistory.Continuation c = continuation(baseline, applied(2, V1), olderRelease, applied(4, V1_1)).orElseThrow();
        assertEquals(List.of(V2), c.pending());
        assertEquals(5, c.nextRank());
    }

    @Test
    void shouldFindNothingToDoBehindAVersionFromANewerRelease() {
        AppliedHistory.Row newer = new AppliedHistory.Row(4, "900", "next release", "SQL", 5, true);
        AppliedHistory.Continuation c = continuation(applied(1, V1), applied(2, V1_1), applied(3, V2), newer).orElseThrow();
        assertEquals("900", c.from());
        assertEquals(List.of(), c.pending());
    }

    @Test
    void shouldLeaveEverythingUnusualToFlyway() {
        AppliedHistory.Row changedChecksum = new AppliedHistory.Row(1, "1", "tenant tables", "SQL", 7, true);
        AppliedHistory.Row renamed = new AppliedHistory.Row(1, "1", "renamed", "SQL", 11, true);
        AppliedHistory.Row failed = new AppliedHistory.Row(2, "1.1", "more", "SQL", 12, false);
        AppliedHistory.Row javaMigration = new AppliedHistory.Row(2, "1.1", "more", "JDBC", null, true);
        AppliedHistory.Row repeatable = new AppliedHistory.Row(2, null, "views", "SQL", 3, true);
        AppliedHistory.Row deletedByRepair = new AppliedHistory.Row(3, "1.0.5", "gone", "DELETE", null, true);

        assertTrue(continuation(changedChecksum).isEmpty(), "checksum");
        assertTrue(continuation(renamed).isEmpty(), "description");
        assertTrue(continuation(applied(1, V1), failed).isEmpty(), "failed row");
        assertTrue(continuation(applied(1, V1), javaMigration).isEmpty(), "type");
        assertTrue(continuation(applied(1, V1), repeatable).isEmpty(), "repeatable");
        assertTrue(continuation(applied(1, V1), deletedByRepair).isEmpty(), "repair marker");
        assertTrue(continuation(applied(1, V1), applied(2, V2)).isEmpty(), "1.1 would be applied out of order");
    }
}
