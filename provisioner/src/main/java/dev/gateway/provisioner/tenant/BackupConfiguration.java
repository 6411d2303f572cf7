package dev.gateway.provisioner.tenant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Final backups taken before a tenant is dropped.
 *
 * @param dir           backup directory; empty means {@code <home>/backups}
 * @param home          {@code GATEWAY_HOME}
 * @param retentionDays how long dumps are kept; 0 turns final backups off
 * @param pgDump        the pg_dump executable
 * @param timeout       longest a single dump may take
 */
@ConfigurationProperties("gateway.backup")
public record BackupConfiguration(
        String dir,
        @Bindable(defaultValue = ".gateway") String home,
        @Bindable(defaultValue = "30") int retentionDays,
        @Bindable(defaultValue = "pg_dump") String pgDump,
        @Bindable(defaultValue = "10m") Duration timeout) {

    public boolean enabled() {
        return retentionDays > 0;
    }

    public Path directory() {
        return dir == null || dir.isBlank() ? Path.of(home, "backups") : Path.of(dir);
    }
}
