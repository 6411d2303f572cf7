import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a client costs per tenant page read, by driver and thread model, without HTTP: the transaction of
 * GET /api/projects (scope, the first page of 21 rows read into records, commit, in one round trip) run by
 * {@code clients} callers over {@code connections} connections as gateway_app. Prints
 * "model|tps|client CPU µs per transaction|machine CPU µs per transaction|context switches per transaction".
 * <ul>
 *   <li>{@code jdbc-shared}: pgjdbc + HikariCP, one thread per caller waiting for a connection: the gateway's
 *   model (a worker thread per request, more requests than connections).</li>
 *   <li>{@code jdbc-per-connection}: the same with one thread per connection, the callers queued ahead.</li>
 *   <li>{@code reactive}: the Vert.x PostgreSQL client on two event loops; BEGIN, the scope
 *   ({@code set_config(…, true)}, parameters), the page and COMMIT pipelined on the connection.</li>
 * </ul>
 * Usage: {@code java DriverCost <model> <database> <tenant role> <clients> <connections> <seconds>}
 */
public final class DriverCost {

    private static final String PAGE = "SELECT id, name, description, created_by, created_at, updated_at "
            + "FROM projects ORDER BY created_at, id LIMIT ";
    private static final int ROWS = 21;
    private static final int WARM_UP_SECONDS = 5;

    private static final LongAdder DONE = new LongAdder();
    private static final AtomicBoolean RUNNING = new AtomicBoolean(true);

    record Project(UUID id, String name, String description, UUID createdBy, OffsetDateTime createdAt,
                   OffsetDateTime updatedAt) {
    }

    public static void main(String[] args) throws Exception {
        String model = args[0];
        String database = args[1];
        String role = args[2];
        int clients = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        AutoCloseable running = switch (model) {
            case "jdbc-shared" -> jdbc(database, role, clients, connections);
            case "jdbc-per-connection" -> jdbc(database, role, connections, connections);
            case "reactive" -> reactive(database, role, clients, connections);
            default -> throw new IllegalArgumentException("no model " + model);
        };
        Thread.sleep(WARM_UP_SECONDS * 1000L);
        System.out.println(model + "|" + measure(seconds));
        RUNNING.set(false);
        running.close();
        System.exit(0);
    }

    private static String measure(int seconds) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long done = DONE.sum();
        long[] machine = machine();
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] machineAfter = machine();
        double n = DONE.sum() - done;
        return String.format("%.0f|%.0f|%.0f|%.1f", n / elapsed, (os.getProcessCpuTime() - cpu) / 1e3 / n,
                (machineAfter[0] - machine[0]) * 1e6 / 100 / n, (machineAfter[1] - machine[1]) / n);
    }

    /** The machine's busy CPU time in clock ticks (1/100 s) and its context switches so far, from /proc/stat. */
    private static long[] machine() throws Exception {
        long busy = 0;
        long switches = 0;
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("cpu")) {
                for (int i : new int[]{1, 2, 3, 6, 7}) { // user, nice, system, irq, softirq
                    busy += Long.parseLong(f[i]);
                }
            } else if (f[0].equals("ctxt")) {
                switches = Long.parseLong(f[1]);
            }
        }
        return new long[]{busy, switches};
    }

    private static AutoCloseable jdbc(String database, String role, int threads, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + database);
        config.setUsername("gateway_app");
        config.setMaximumPoolSize(connections);
        config.setAutoCommit(false);
        HikariDataSource pool = new HikariDataSource(config);
        // as the gateway's one-round-trip read sends it: the scope, the statement and COMMIT in one message
        String read = "SET LOCAL ROLE \"" + role + "\"; SET LOCAL search_path = \"" + role
                + "\"; SET LOCAL statement_timeout = 5000;\n" + PAGE + "?;\nCOMMIT";
        for (int i = 0; i < threads; i++) {
            Thread caller = new Thread(() -> {
                while (RUNNING.get()) {
                    try (Connection connection = pool.getConnection()) {
                        count(readPage(connection, read));
                    } catch (SQLException e) {
                        fail(e);
                    }
                }
            });
            caller.setDaemon(true);
            caller.start();
        }
        return pool;
    }

    private static List<Project> readPage(Connection connection, String read) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(read)) {
            statement.setInt(1, ROWS);
            statement.execute();
            for (int scope = 0; scope < 3; scope++) {
                statement.getMoreResults();
            }
            List<Project> page = new ArrayList<>(ROWS);
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    page.add(new Project(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getObject(4, UUID.class), rows.getObject(5, OffsetDateTime.class),
                            rows.getObject(6, OffsetDateTime.class)));
                }
            }
            connection.commit(); // the driver saw the COMMIT: nothing is sent
            return page;
        }
    }

    private static AutoCloseable reactive(String database, String role, int clients, int connections) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        PgConnectOptions connect = new PgConnectOptions().setHost("127.0.0.1").setPort(5432).setDatabase(database)
                .setUser("gateway_app").setCachePreparedStatements(true).setPipeliningLimit(256);
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(connections).setMaxWaitQueueSize(-1))
                .connectingTo(connect).using(vertx).build();
        Tuple scope = Tuple.of(role, "\"" + role + "\"", "5000");
        for (int i = 0; i < clients; i++) {
            vertx.runOnContext(started -> readForever(pool, scope));
        }
        return () -> vertx.close().await();
    }

    private static void readForever(Pool pool, Tuple scope) {
        if (!RUNNING.get()) {
            return;
        }
        pool.getConnection()
                .compose(connection -> readPage(connection, scope).eventually(connection::close))
                .onSuccess(page -> {
                    count(page);
                    readForever(pool, scope);
                })
                .onFailure(DriverCost::fail);
    }

    /** BEGIN, the scope, the page and COMMIT written one after the other without waiting: one round trip. */
    private static Future<List<Project>> readPage(SqlConnection connection, Tuple scope) {
        connection.query("BEGIN").execute();
        connection.preparedQuery("SELECT set_config('role', $1, true), set_config('search_path', $2, true), "
                + "set_config('statement_timeout', $3, true)").execute(scope);
        Future<RowSet<Row>> page = connection.preparedQuery(PAGE + "$1").execute(Tuple.of(ROWS));
        return connection.query("COMMIT").execute().compose(committed -> page).map(rows -> {
            List<Project> projects = new ArrayList<>(rows.size());
            for (Row row : rows) {
                projects.add(new Project(row.getUUID(0), row.getString(1), row.getString(2), row.getUUID(3),
                        row.getOffsetDateTime(4), row.getOffsetDateTime(5)));
            }
            return projects;
        });
    }

    private static void count(List<Project> page) {
        if (page.size() != ROWS) {
            fail(new IllegalStateException("a page of " + page.size() + " rows, not " + ROWS));
        }
        DONE.increment();
    }

    private static void fail(Throwable e) {
        if (RUNNING.get()) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
