package dev.gateway.provisioner.cli;

import dev.gateway.provisioner.migration.MigrationRun;
import dev.gateway.provisioner.migration.MigrationRunPlan;
import dev.gateway.provisioner.migration.MigrationRunService;
import dev.gateway.runtime.EventRuntime;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar provisioner.jar migrate …}: runs a fleet migration in this process, without the
 * HTTP server or the TENANTS consumer, prints the per-tenant table and exits non-zero on failures.
 */
public final class MigrateCommand {

    public static final int OK = 0;
    public static final int FAILURES = 1;
    public static final int USAGE = 2;
    public static final int ERROR = 3;

    private MigrateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> properties) {
        MigrateArguments arguments;
        try {
            arguments = MigrateArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(MigrateArguments.USAGE);
            return USAGE;
        }
        Map<String, Object> props = new HashMap<>(properties);
        props.put("gateway.events.consumers-enabled", "false");
        try (ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
            return execute(arguments, context, out);
        } catch (RuntimeException e) {
            err.println("migrate failed: " + e.getMessage());
            return ERROR;
        }
    }

    private static int execute(MigrateArguments arguments, ApplicationContext context, PrintStream out) {
        MigrationRunService runs = context.getBean(MigrationRunService.class);
        if (arguments.drift()) {
            ResultTable.print(runs.drift(), out);
            return OK;
        }
        long start = System.nanoTime();
        MigrationRun run = arguments.resume() != null
                ? runs.resume(arguments.resume(), true)
                : runs.runNow(new MigrationRunPlan(arguments.tenant(), arguments.parallel(), arguments.skipFailing(),
                arguments.canary()), System.getProperty("user.name", "cli"));
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        ResultTable.print(runs.report(run.runId()), wallMs, out);
        long unpublished = context.getBean(EventRuntime.class).relays().stream()
                .mapToLong(relay -> relay.drain(Duration.ofSeconds(10))).sum();
        if (unpublished > 0) {
            out.printf("%d migration event(s) left in the outbox; the provisioner service publishes them%n", unpublished);
        }
        return "succeeded".equals(run.status()) ? OK : FAILURES;
    }
}
