package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.stores.Sql;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.workload.Expectations;
import dev.gateway.chaos.workload.Isolation;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@link NextRelease} is deployed and fleet migrations of all tenants race: two REST runs released at the
 * same instant, and the CLI started with them (its JVM start puts it a few seconds behind). Every run must
 * succeed and every tenant must get the new migration exactly once.
 */
final class FleetMigrationRace {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    private static final int REST_RUNS = 2;

    private final ScenarioContext ctx;

    FleetMigrationRace(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    void run(int tenants) throws Exception {
        createReadyTenants(tenants);
        NextRelease release = new NextRelease(ctx.platform());
        release.deploy(ctx.deadline().atMost(Duration.ofMinutes(2)));
        ExecutorService racers = Executors.newFixedThreadPool(REST_RUNS + 1);
        try {
            Timestamp mark = databaseNow();
            ctx.log("fleet migrations racing: two REST runs and the CLI");
            Future<Integer> cli = racers.submit(() -> release.migrateCli(RUN_LIMIT, "--all", "--parallel", "4"));
            List<HttpAnswer> rest = startTogether(racers);
            int cliExit = cli.get();
            ctx.deadline().atMost(RUN_LIMIT).await(() -> runs(mark).stream().noneMatch(r -> r.get("status")
                    .equals("running")), Duration.ofMillis(250));
            judge(mark, rest, cliExit);
        } finally {
            racers.shutdownNow();
            release.rollBack(ctx.deadline().atMost(Duration.ofMinutes(2)));
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

    /** {@code POST /api/gateway/migrations {"all":true}} {@value #REST_RUNS} times, released at the same instant. */
    private List<HttpAnswer> startTogether(ExecutorService racers) throws Exception {
        AdminApi provisioner = ctx.admin().at(ctx.platform().instance(Service.PROVISIONER).url());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpAnswer>> starts = new ArrayList<>();
        for (int i = 0; i < REST_RUNS; i++) {
            starts.add(racers.submit(() -> {
                go.await();
                return provisioner.startFleetMigration(4);
            }));
        }
        go.countDown();
        List<HttpAnswer> answers = new ArrayList<>();
        for (Future<HttpAnswer> start : starts) {
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
                notOnce.add(t.key() + " (applied " + t.applied() + ", failed " + t.failed() + ", V" + NextRelease.VERSION
                        + " history rows " + history + ")");
            }
        }
        ctx.result().check("every tenant got the new migration exactly once", notOnce.isEmpty(),
                notOnce.isEmpty() ? "applied once by one of the runs, one history row each" : notOnce.toString());
    }

    /** One tenant's results over all the runs: scripts applied in total, failed results. */
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
                        NextRelease.VERSION);
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

}
