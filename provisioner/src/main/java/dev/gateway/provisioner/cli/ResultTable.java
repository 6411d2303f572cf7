package dev.gateway.provisioner.cli;

import dev.gateway.provisioner.migration.DriftReport;
import dev.gateway.provisioner.migration.MigrationRunReport;
import dev.gateway.provisioner.migration.TenantMigrationResult;

import java.io.PrintStream;

/** Plain-text rendering of a run (one line per tenant, then a summary) and of the drift report. */
final class ResultTable {

    private static final String ROW = "%-33s %-10s %-8s %-8s %7s %8s  %s%n";

    private ResultTable() {
    }

    static void print(MigrationRunReport report, long wallMs, PrintStream out) {
        out.printf(ROW, "TENANT", "STATUS", "FROM", "TO", "APPLIED", "MS", "ERROR");
        for (TenantMigrationResult r : report.results()) {
            out.printf(ROW, r.tenant(), r.status(), dash(r.fromVersion()), dash(r.toVersion()),
                    r.applied() == null ? "-" : r.applied(), r.durationMs() == null ? "-" : r.durationMs(), dash(r.error()));
        }
        var run = report.run();
        out.printf("run %s %s: %d tenant(s), %d succeeded, %d failed, %d pending; target version %s; %d ms%n",
                run.runId(), run.status(), run.total(), run.succeeded(), run.failed(), run.pending(),
                dash(run.targetVersion()), wallMs);
    }

    static void print(DriftReport drift, PrintStream out) {
        out.printf("%-33s %-10s %s%n", "TENANT", "ISOLATION", "SCHEMA VERSION");
        drift.drifted().forEach(d -> out.printf("%-33s %-10s %s%n", d.tenant(), d.isolation(), dash(d.schemaVersion())));
        out.printf("%d of %d ready tenant(s) not at the latest version %s%n", drift.drifted().size(),
                drift.readyTenants(), dash(drift.latestVersion()));
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
