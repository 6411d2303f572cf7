package dev.gateway.provisioner.migration;

import dev.gateway.runtime.database.PlatformDb;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.scanner.LocationScannerCache;
import org.flywaydb.core.internal.scanner.ResourceNameCache;
import org.flywaydb.core.internal.scanner.Scanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tenant migrations of this build ({@code db/tenant} plus configured locations) as Flyway
 * resolves them, read once: the Flyway configuration every tenant run starts from, the newest
 * version, and, when every migration is a plain versioned SQL script, the scripts themselves with
 * Flyway's checksums and Flyway's own DDL of the history table, so a brand-new schema can be
 * migrated in one transaction ({@link FreshSchemaMigrator}).
 */
@Singleton
public class TenantMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(TenantMigrations.class);
    private static final String PROBE_SCHEMA = "provisioner_tenant_version_probe";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private final MigrationConfiguration config;
    private final PlatformDb platformDb;
    private volatile Scanner<JavaMigration> scanner;
    private volatile Resolved resolved;

    public TenantMigrations(MigrationConfiguration config, PlatformDb platformDb) {
        this.config = config;
        this.platformDb = platformDb;
    }

    /** One versioned SQL migration: what Flyway records for it, and its text. */
    public record SqlScript(String version, String description, String script, Integer checksum, String sql) {
    }

    /**
     * @param latestVersion  the newest version the locations define (null when there is none)
     * @param scripts        every migration in version order, or empty when one of them needs Flyway itself
     *                       (Java or repeatable migrations, placeholders)
     * @param historyDdl     Flyway's DDL of the history table in {@link #SCHEMA_TOKEN}
     */
    record Resolved(String latestVersion, Optional<List<SqlScript>> scripts, String historyDdl) {
    }

    /** Stands for the tenant schema in {@link Resolved#historyDdl()}; a name no tenant can have. */
    static final String SCHEMA_TOKEN = "provisioner_history_schema_token";

    /** The configuration every tenant Flyway run starts from (locations, history table, scanned resources). */
    public FluentConfiguration configure() {
        FluentConfiguration base = Flyway.configure(TenantMigrations.class.getClassLoader())
                .locations(config.locations().toArray(String[]::new))
                .ignoreMigrationPatterns("*:missing", "*:future")
                .skipDefaultCallbacks(true)
                .table(HISTORY_TABLE);
        Scanner<JavaMigration> cached = scanner(base);
        return base.resourceProvider(cached).javaMigrationClassProvider(cached);
    }

    public String latestVersion() {
        return resolved().latestVersion();
    }

    Resolved resolved() {
        Resolved current = resolved;
        if (current == null) {
            synchronized (this) {
                if (resolved == null) {
                    resolved = resolve();
                }
                current = resolved;
            }
        }
        return current;
    }

    private Resolved resolve() {
        Flyway probe = configure().dataSource(platformDb.dataSource()).schemas(PROBE_SCHEMA).createSchemas(false).load();
        MigrationInfo[] all = probe.info().all();
        String latest = Arrays.stream(all)
                .filter(m -> m.getVersion() != null)
                .reduce((a, b) -> a.getVersion().compareTo(b.getVersion()) >= 0 ? a : b)
                .map(m -> m.getVersion().getVersion())
                .orElse(null);
        Optional<List<SqlScript>> scripts = plainSqlScripts(all, probe.getConfiguration());
        return new Resolved(latest, scripts, historyDdl(probe.getConfiguration()));
    }

    private Optional<List<SqlScript>> plainSqlScripts(MigrationInfo[] all, Configuration configuration) {
        List<SqlScript> scripts = new ArrayList<>();
        for (MigrationInfo m : all) {
            if (m.getType() != CoreMigrationType.SQL || m.getVersion() == null) {
                return needsFlyway(m.getScript() + " is a " + m.getType() + " migration");
            }
            LoadableResource resource = configuration.getResourceProvider().getResource(m.getScript());
            if (resource == null) {
                return needsFlyway(m.getScript() + " cannot be read back");
            }
            String sql = read(resource);
            if (sql.contains("${")) {
                return needsFlyway(m.getScript() + " uses placeholders");
            }
            scripts.add(new SqlScript(m.getVersion().getVersion(), m.getDescription(), m.getScript(), m.getChecksum(), sql));
        }
        return Optional.of(List.copyOf(scripts));
    }

    private static Optional<List<SqlScript>> needsFlyway(String reason) {
        LOG.info("new tenants are migrated by Flyway step by step: {}", reason);
        return Optional.empty();
    }

    /** Flyway's own CREATE TABLE of its history table (for PostgreSQL), generated for a placeholder schema. */
    private static String historyDdl(Configuration configuration) {
        try (JdbcConnectionFactory connections = new JdbcConnectionFactory(configuration.getDataSource(), configuration, null);
             Database<?> database = connections.getDatabaseType().createDatabase(configuration, connections, null)) {
            Table<?, ?> table = database.getMainConnection().getSchema(SCHEMA_TOKEN).getTable(configuration.getTable());
            return database.getRawCreateScript(table, false);
        }
    }

    private static String read(LoadableResource resource) {
        StringBuilder text = new StringBuilder();
        try (Reader reader = resource.read()) {
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource.getFilename(), e);
        }
        return text.length() > 0 && text.charAt(0) == '\uFEFF' ? text.substring(1) : text.toString();
    }

    /** Scanning the locations is the CPU-heavy part of a Flyway run; the scripts never change at runtime. */
    private Scanner<JavaMigration> scanner(FluentConfiguration base) {
        Scanner<JavaMigration> cached = scanner;
        if (cached == null) {
            synchronized (this) {
                if (scanner == null) {
                    scanner = new Scanner<>(JavaMigration.class, false, new ResourceNameCache(), new LocationScannerCache(), base);
                }
                cached = scanner;
            }
        }
        return cached;
    }
}
