package dev.gateway.provisioner.tenant;

import dev.gateway.provisioner.pool.AdminPools;
import dev.gateway.provisioner.pool.Isolation;
import dev.gateway.provisioner.pool.PoolCredentials;
import dev.gateway.provisioner.pool.PoolServer;
import dev.gateway.provisioner.pool.TenantLocation;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code pg_dump --format=custom} of one tenant (its database, or its schema of the shared
 * database) into the backup directory; restore with {@code pg_restore} (see README). Dumps older
 * than the retention are pruned after each new one.
 */
@Singleton
public class TenantBackup {

    private static final Logger LOG = LoggerFactory.getLogger(TenantBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final BackupConfiguration config;
    private final AdminPools pools;

    public TenantBackup(BackupConfiguration config, AdminPools pools) {
        this.config = config;
        this.pools = pools;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Path dump(String tenantKey, long revision, TenantLocation location) throws IOException, InterruptedException {
        Path dir = config.directory().toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve(tenantKey + "-r" + revision + "-" + STAMP.format(Instant.now()) + ".dump");
        PoolServer server = pools.server(location.pool());
        PoolCredentials credentials = server.credentials();
        List<String> command = new ArrayList<>(List.of(config.pgDump(), "--format=custom", "--no-password",
                "--host", location.pool().host(), "--port", String.valueOf(location.pool().port()),
                "--username", credentials.username(), "--dbname", location.database(), "--file", file.toString()));
        if (location.isolation() == Isolation.SCHEMA) {
            command.add("--schema=" + location.schema());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGSSLMODE", server.sslmode());
        if (!credentials.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", credentials.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("pg_dump of " + tenantKey + " timed out after " + config.timeout());
        }
        if (process.exitValue() != 0) {
            Files.deleteIfExists(file);
            throw new IOException("pg_dump of " + tenantKey + " failed (exit " + process.exitValue() + "): " + output);
        }
        prune(dir);
        return file;
    }

    private void prune(Path dir) {
        Instant cutoff = Instant.now().minus(config.retentionDays(), ChronoUnit.DAYS);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".dump"))
                    .filter(f -> lastModified(f).isBefore(cutoff))
                    .forEach(f -> {
                        try {
                            Files.deleteIfExists(f);
                        } catch (IOException e) {
                            LOG.warn("cannot prune old backup {}: {}", f, e.getMessage());
                        }
                    });
        } catch (IOException e) {
            LOG.warn("cannot list backups in {}: {}", dir, e.getMessage());
        }
    }

    private static Instant lastModified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
