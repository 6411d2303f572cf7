package dev.gateway.provisioner.tenant;

import dev.gateway.provisioner.support.ItInfrastructure;
import dev.gateway.provisioner.support.TenantDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restores a final backup with the README's command into a scratch database and checks the admin user is back. */
final class BackupRestore {

    private BackupRestore() {
    }

    static void assertRestores(String backupPath, String schema, String adminEmail) {
        assertTrue(backupPath != null && Files.isRegularFile(Path.of(backupPath)), "backup file " + backupPath);
        String scratch = "restore_" + schema;
        TenantDatabase.execute("postgres", "DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
        TenantDatabase.execute("postgres", "CREATE DATABASE " + scratch);
        try {
            ItInfrastructure infra = ItInfrastructure.get();
            ProcessBuilder restore = new ProcessBuilder("pg_restore", "--no-owner", "--no-privileges",
                    "--host", infra.pgHost, "--port", String.valueOf(infra.pgPort), "--username", infra.pgUser,
                    "--dbname", scratch, backupPath).redirectErrorStream(true);
            restore.environment().put("PGPASSWORD", infra.pgPassword);
            Process process = restore.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            assertEquals(1, TenantDatabase.count(scratch,
                    "SELECT count(*) FROM " + schema + ".users WHERE email = ?", adminEmail));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            TenantDatabase.execute("postgres", "DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
        }
    }
}
