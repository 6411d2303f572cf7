package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.process.ChildProcess;
import dev.gateway.chaos.stores.Sql;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.workload.Expectations;
import dev.gateway.chaos.workload.Isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * "The next release" ships one more tenant migration; the provisioner is restarted with it, and fleet
 * migrations of all tenants race: two REST runs started at the same instant, and the CLI started with them
 * (its JVM start puts it a few seconds behind). Every run must succeed and every tenant must get the new
 * migration exactly once.
 */
final class FleetMigrationRace {

    static final String VERSION = "900";
    private static final String SCRIPT = "V" + VERSION + "__chaos_release_marker.sql";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    private final ScenarioContext ctx;
    private final ServiceInstance provisioner;

    FleetMigrationRace(ScenarioContext ctx) {
        this.ctx = ctx;
        this.provisioner = ctx.platform().instance(Service.PROVISIONER);
    }

    void run(int tenants) throws Exception {
        createReadyTenants(tenants);
        Map<String, String> release = Map.of("GATEWAY_MIGRATIONS_LOCATIONS",
                "classpath:db/tenant,filesystem:" + writeMigration());
        restartProvisioner(release);
        try {
            Timestamp mark = databaseNow();
            ctx.log("fleet migrations racing: two REST runs and the CLI");
            CompletableFuture<Integer> cli = CompletableFuture.supplyAsync(() -> runCli(release));
            List<HttpAnswer> rest = startTogether(2);
            int cliExit = cli.get();
            Deadline deadline = ctx.deadline().atMost(RUN_LIMIT);
            deadline.await(() -> runs(mark).stream().noneMatch(r -> r.get("status").equals("running")), Duration.ofMillis(250));
            judge(mark, rest, cliExit);
        } finally {
            restartProvisioner(Map.of());
        }
    }

    private void createReadyTenants(int count) {
        Deadline ready = ctx.deadline().atMost(Duration.ofMinutes(2));
        for (int i = 0; i < count; i++) {
            Isolation isolation = Isolation.alternate(i);
            String key = isolation.key(ctx.prefix(), 300 + i);
            ctx.create(key, isolation, "free");
            ctx.states().await(key, Set.of(Expectations.READY), ready);
        }
    }

    /** {@code POST /api/gateway/migrations {"all":true}} {@code count} times, released at the same instant. */
    private List<HttpAnswer> startTogether(int count) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpAnswer>> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ctx.admin().at(provisioner.url()).startFleetMigration(4);
            }));
        }
        go.countDown();
        List<HttpAnswer> answers = new ArrayList<>();
        for (CompletableFuture<HttpAnswer> start : starts) {
            answers.add(start.get());
        }
        return answers;
    }

    private void judge(Timestamp mark, List<HttpAnswer> rest, int cliExit) {
        List<Map<String, String>> runs = runs(mark);
        ctx.result().measure("fleet migration runs (status, scripts applied)", runs.stream()
                .map(r -> r.get("status") + " " + r.get("applied")).toList().toString());
        boolean allSucceeded = rest.stream().allMatch(a -> a.is(202)) && cliExit == 0 && runs.size() == rest.size() + 1
                && runs.stream().allMatch(r -> r.get("status").equals("succeeded"));
        ctx.result().check("racing fleet migrations (2 × REST + CLI) all succeeded", allSucceeded,
                "REST " + rest.stream().map(HttpAnswer::label).toList() + ", CLI exit " + cliExit + ", runs "
                        + runs.stream().map(r -> r.get("status")).toList());
        List<String> notOnce = new ArrayList<>();
        for (TenantRuns t : perTenant(mark)) {
            long history = historyRows(t.key());
            if (t.applied() != 1 || t.failed() > 0 || history != 1) {
                notOnce.add(t.key() + " (applied " + t.applied() + ", failed " + t.failed() + ", V" + VERSION
                        + " history rows " + history + ")");
            }
        }
        ctx.result().check("every tenant got the new migration exactly once", notOnce.isEmpty(),
                notOnce.isEmpty() ? "applied once by one of the runs, one history row each" : notOnce.toString());
    }

    /** One tenant's results over both runs: scripts applied in total, failed results. */
    private record TenantRuns(String key, long applied, long failed) {
    }

    private List<TenantRuns> perTenant(Timestamp mark) {
        try (Sql sql = ctx.stores().platformDb()) {
            return sql.query("SELECT tenant_key, coalesce(sum(applied), 0), count(*) FILTER (WHERE r.status = 'failed')"
                    + " FROM provisioner.migration_result r JOIN provisioner.migration_run m ON m.id = r.run_id"
                    + " WHERE m.created_at >= ? GROUP BY tenant_key ORDER BY tenant_key",
                    row -> new TenantRuns(row.getString(1), row.getLong(2), row.getLong(3)), mark);
        }
    }

    /** Rows for the new version in the tenant's own Flyway history. */
    private long historyRows(String key) {
        try (Sql platform = ctx.stores().platformDb()) {
            List<String> location = platform.query("SELECT db_name || ' ' || schema_name FROM registry.tenant WHERE key = ?",
                    row -> row.getString(1), key);
            String[] dbAndSchema = location.get(0).split(" ");
            try (Sql tenant = ctx.stores().poolDb(dbAndSchema[0])) {
                return tenant.count("SELECT count(*) FROM " + dbAndSchema[1] + ".flyway_schema_history WHERE version = ?",
                        VERSION);
            }
        }
    }

    /** The runs started since {@code mark}: status, and how many scripts each applied (who won the race). */
    private List<Map<String, String>> runs(Timestamp mark) {
        try (Sql sql = ctx.stores().platformDb()) {
            return sql.query("SELECT m.status, coalesce(sum(r.applied), 0) FROM provisioner.migration_run m"
                    + " LEFT JOIN provisioner.migration_result r ON r.run_id = m.id WHERE m.created_at >= ?"
                    + " GROUP BY m.id, m.status, m.created_at ORDER BY m.created_at",
                    row -> Map.of("status", row.getString(1), "applied", row.getString(2)), mark);
        }
    }

    private Timestamp databaseNow() {
        try (Sql sql = ctx.stores().platformDb()) {
            return sql.query("SELECT now()", row -> row.getTimestamp(1)).get(0);
        }
    }

    private int runCli(Map<String, String> release) {
        Map<String, String> env = new HashMap<>(ctx.platform().environment());
        env.putAll(release);
        Path jar = ctx.platform().layout().jar(Service.PROVISIONER.module());
        return ChildProcess.run("migrate --all (CLI)", List.of("java", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar",
                jar.toString(), "migrate", "--all", "--parallel", "4"), env, ctx.platform().layout().log("migrate-cli"),
                ctx.platform().layout().root(), RUN_LIMIT);
    }

    private Path writeMigration() {
        Path dir = ctx.platform().layout().extraMigrations();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(SCRIPT), "CREATE TABLE chaos_release_marker (id int PRIMARY KEY);\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private void restartProvisioner(Map<String, String> settings) {
        provisioner.override(settings);
        provisioner.stop();
        provisioner.start();
        provisioner.awaitHealthy(ctx.deadline().atMost(Duration.ofMinutes(2)));
    }
}
