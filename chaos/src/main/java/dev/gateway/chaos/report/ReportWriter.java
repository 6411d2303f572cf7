package dev.gateway.chaos.report;

import dev.gateway.chaos.invariants.Invariant;
import dev.gateway.chaos.invariants.Violation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The run as Markdown: {@code bench/results/chaos-<UTC yyyyMMddTHHmmssZ>.md}. */
public final class ReportWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int EXAMPLES = 5;

    private ReportWriter() {
    }

    public static Path write(RunSummary run, Path resultsDir, Path logs) {
        Path file = resultsDir.resolve("chaos-" + STAMP.format(run.startedAt()) + ".md");
        try {
            Files.createDirectories(resultsDir);
            Files.writeString(file, render(run, logs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static String render(RunSummary run, Path logs) {
        StringBuilder md = new StringBuilder();
        long failed = run.results().stream().filter(r -> !r.passed()).count();
        md.append("# Chaos run ").append(run.startedAt()).append("\n\n");
        md.append("**").append(run.passed() ? "PASSED" : "FAILED").append("**: ")
                .append(run.setupFailure() != null ? "the platform did not start: " + run.setupFailure()
                        : (run.results().size() - failed) + " of " + run.results().size() + " scenarios passed")
                .append(" (`").append(run.command()).append("`)\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| code under test | ").append(run.codeVersion()).append(" |\n");
        md.append("| machine | ").append(run.before().cores()).append(" cores, ").append(run.before().memoryMb())
                .append(" MB RAM |\n");
        md.append("| load average (1/5/15 min) | before ").append(run.before().loadAverage()).append(", after ")
                .append(run.after().loadAverage()).append(" |\n");
        md.append("| platform | ").append(run.platform()).append(" |\n");
        md.append("| platform start | ").append(Durations.format(run.platformStart().toMillis())).append(" |\n");
        md.append("| total | ").append(Durations.format(run.total().toMillis())).append(" |\n");
        md.append("| logs | `").append(logs).append("` |\n\n");
        if (!run.results().isEmpty()) {
            md.append("| scenario | result | took | failed checks | invariant violations |\n|---|---|---|---|---|\n");
            for (ScenarioResult r : run.results()) {
                md.append("| ").append(r.name()).append(" | ").append(r.passed() ? "pass" : "**FAIL**").append(" | ")
                        .append(Durations.format(r.duration().toMillis())).append(" | ")
                        .append(r.checks().stream().filter(c -> !c.passed()).count()).append(" | ")
                        .append(r.violations().size()).append(" |\n");
            }
            md.append("\n");
        }
        run.results().forEach(r -> scenario(md, r));
        return md.toString();
    }

    private static void scenario(StringBuilder md, ScenarioResult r) {
        md.append("## ").append(r.name()).append(": ").append(r.passed() ? "pass" : "FAIL").append("\n\n");
        md.append(r.description()).append("\n\n");
        for (ScenarioResult.Check c : r.checks()) {
            md.append("- ").append(c.passed() ? "✅ " : "❌ ").append(c.name()).append(": ").append(c.evidence()).append("\n");
        }
        md.append("\nInvariants: ").append(invariantLine(r.violations())).append("\n\n");
        for (Invariant invariant : Invariant.values()) {
            List<Violation> found = r.violations().stream().filter(v -> v.invariant() == invariant).toList();
            if (!found.isEmpty()) {
                md.append("- **").append(invariant.meaning()).append("**: ").append(found.size()).append(" violation")
                        .append(found.size() == 1 ? "" : "s").append(", e.g.\n");
                found.stream().limit(EXAMPLES).forEach(v -> md.append("  - `").append(v).append("`\n"));
            }
        }
        if (!r.measurements().isEmpty()) {
            md.append("\n| measurement | value |\n|---|---|\n");
            r.measurements().forEach(m -> md.append("| ").append(m.label()).append(" | ")
                    .append(m.value().replace("|", "\\|")).append(" |\n"));
        }
        r.notes().forEach(n -> md.append("\n> ").append(n).append("\n"));
        md.append("\n");
    }

    private static String invariantLine(List<Violation> violations) {
        return Arrays.stream(Invariant.values()).map(i -> {
            long n = violations.stream().filter(v -> v.invariant() == i).count();
            return (n == 0 ? "✅ " : "❌ ") + i.name().toLowerCase().replace('_', '-') + (n == 0 ? "" : " (" + n + ")");
        }).collect(Collectors.joining(" · "));
    }
}
