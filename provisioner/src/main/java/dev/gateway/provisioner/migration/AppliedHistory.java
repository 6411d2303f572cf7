package dev.gateway.provisioner.migration;

import org.flywaydb.core.api.MigrationVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tenant's Flyway history as read from its table, and what continuing it takes: the scripts above
 * its current version, or nothing. Only a history Flyway itself would continue without a question is
 * continued here; anything else (a failed or repaired row, another migration type, a changed
 * checksum or description, a shipped script older than the current version still unapplied) is left to
 * Flyway, which decides and reports.
 */
record AppliedHistory(List<Row> rows) {

    /** One history row; {@code version} is null for repeatable migrations. */
    record Row(int installedRank, String version, String description, String type, Integer checksum, boolean success) {
    }

    /**
     * @param from      the current version (null before the first migration)
     * @param pending   the scripts to apply, in order
     * @param nextRank  the installed rank of the first of them
     */
    record Continuation(String from, List<TenantMigrations.SqlScript> pending, int nextRank) {

        /** The version after the pending scripts ran. */
        String to() {
            return pending.isEmpty() ? from : pending.get(pending.size() - 1).version();
        }
    }

    /** The continuation, or empty when Flyway must look at this history. */
    Optional<Continuation> continuation(List<TenantMigrations.SqlScript> scripts) {
        Map<MigrationVersion, TenantMigrations.SqlScript> shipped = scripts.stream()
                .collect(Collectors.toMap(s -> version(s.version()), Function.identity()));
        for (Row row : rows) {
            if (!row.success() || row.version() == null || !("SQL".equals(row.type()) || "BASELINE".equals(row.type()))) {
                return Optional.empty();
            }
            TenantMigrations.SqlScript script = shipped.get(version(row.version()));
            if (script != null && !("SQL".equals(row.type()) && Objects.equals(script.checksum(), row.checksum())
                    && script.description().equals(row.description()))) {
                return Optional.empty();
            }
        }
        Set<MigrationVersion> applied = rows.stream().map(r -> version(r.version())).collect(Collectors.toSet());
        Optional<MigrationVersion> current = applied.stream().max(Comparator.naturalOrder());
        List<TenantMigrations.SqlScript> pending = new ArrayList<>();
        for (TenantMigrations.SqlScript script : scripts) {
            MigrationVersion v = version(script.version());
            if (current.isEmpty() || v.compareTo(current.get()) > 0) {
                pending.add(script);
            } else if (!applied.contains(v)) {
                return Optional.empty();
            }
        }
        int nextRank = rows.stream().mapToInt(Row::installedRank).max().orElse(0) + 1;
        return Optional.of(new Continuation(current.map(MigrationVersion::getVersion).orElse(null), List.copyOf(pending), nextRank));
    }

    private static MigrationVersion version(String version) {
        return MigrationVersion.fromVersion(version);
    }
}
