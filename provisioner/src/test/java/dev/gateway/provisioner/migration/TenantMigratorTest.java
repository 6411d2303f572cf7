package dev.gateway.provisioner.migration;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TenantMigratorTest {

    @Test
    void shouldSummariseFlywayReportsOnOneLine() {
        FlywayException e = new FlywayException("""
                Script V2__x.sql failed
                -----------------------
                SQL State  : P0001
                Error Code : 0
                Message    : ERROR: injected failure for tenant_acme
                  Where: PL/pgSQL function inline_code_block line 4 at RAISE""");
        assertEquals("Script V2__x.sql failed: ERROR: injected failure for tenant_acme", TenantMigrator.summary(e));
    }

    @Test
    void shouldSayWhyValidationFailed() {
        FlywayException e = new FlywayException("""
                Validate failed: Migrations have failed validation
                Migration checksum mismatch for migration version 1
                -> Applied to database : 42
                -> Resolved locally    : -7948376""");
        assertEquals("Validate failed: Migrations have failed validation: Migration checksum mismatch for migration version 1",
                TenantMigrator.summary(e));
    }

    @Test
    void shouldKeepShortMessages() {
        assertEquals("Validate failed", TenantMigrator.summary(new FlywayException("Validate failed")));
    }
}
