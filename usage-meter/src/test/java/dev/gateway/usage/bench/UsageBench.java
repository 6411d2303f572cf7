package dev.gateway.usage.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.gateway.events.ActivityRecord;
import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.testing.LoopbackPorts;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * {@code bench/usage.sh}: ingest rate of activity events into rollups, and the p95 of {@code /usage/top} over
 * 1,000 tenants x 30 days of rollups. Runs the usage-meter jar on a database of its own ({@value #DATABASE}, dropped at
 * the end) and a nats-server of its own, so neither the platform's usage nor its streams see the bench.
 * Args: jar, output file, events, queries.
 */
public final class UsageBench {

    private static final String DATABASE = "usage_bench";
    private static final int TENANTS = 1000;
    private static final HttpClient METRICS = HttpClient.newHttpClient();
    private static final long TICKS_PER_SECOND = 100;
    private static final EventType[] MIX = {EventType.ACTIVITY_TASK_CREATED, EventType.ACTIVITY_TASK_CREATED,
        EventType.ACTIVITY_TASK_UPDATED, EventType.ACTIVITY_LOGIN_SUCCEEDED, EventType.ACTIVITY_PROJECT_CREATED,
        EventType.ACTIVITY_TASK_COMPLETED, EventType.ACTIVITY_LOGIN_FAILED, EventType.ACTIVITY_SETTINGS_UPDATED};

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        Path output = Path.of(args[1]);
        int events = Integer.parseInt(args[2]);
        int queries = Integer.parseInt(args[3]);
        String pgBase = System.getenv().getOrDefault("GATEWAY_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/");
        recreateDatabase(pgBase);
        Path store = Files.createTempDirectory("usage-bench-nats");
        int natsPort = LoopbackPorts.free();
        Process nats = new ProcessBuilder("nats-server", "-a", "127.0.0.1", "-p", Integer.toString(natsPort), "-js",
                "-sd", store.toString()).redirectErrorStream(true).redirectOutput(store.resolve("nats.log").toFile()).start();
        Process meter = null;
        HttpServer jwks = null;
        try {
            awaitPort(natsPort);
            String natsUrl = "nats://127.0.0.1:" + natsPort;
            String loadBefore = loadAverage();
            long published = publishBacklog(natsUrl, events);

            RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
            jwks = jwks(key);
            int port = LoopbackPorts.free();
            ProcessBuilder process = new ProcessBuilder("java", "-XX:+UseParallelGC", "-Xms256m", "-Xmx1g", "-jar", jar);
            Map<String, String> env = process.environment();
            env.put("GATEWAY_USAGE_PORT", Integer.toString(port));
            int managementPort = LoopbackPorts.free();
            env.put("GATEWAY_USAGE_MANAGEMENT_PORT", Integer.toString(managementPort));
            env.put("GATEWAY_DB_URL", pgBase + DATABASE);
            env.put("GATEWAY_NATS_URL", natsUrl);
            env.put("GATEWAY_REGISTRY_URL", "http://127.0.0.1:" + jwks.getAddress().getPort());
            env.put("GATEWAY_LOG_LEVEL", "WARN");
            meter = process.redirectErrorStream(true).redirectOutput(Path.of(output + ".log").toFile()).start();

            Ingest ingest = awaitIngest(pgBase + DATABASE, managementPort, events, Duration.ofMinutes(10), meter);
            seedRollups(pgBase + DATABASE);
            String token = token(key);
            awaitHttp(port, token);
            List<Double> latencies = topLatencies(port, token, queries);
            String report = report(events, published, ingest, latencies, loadBefore, loadAverage());
            Files.writeString(output, report);
            System.out.println(report);
        } finally {
            if (meter != null) {
                meter.destroy();
                meter.waitFor();
            }
            if (jwks != null) {
                jwks.stop(0);
            }
            nats.destroy();
            nats.waitFor();
            dropDatabase(pgBase);
            try (java.util.stream.Stream<Path> files = Files.walk(store)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** The activity of {@link #TENANTS} tenants in the last hours, published before the meter starts. */
    private static long publishBacklog(String natsUrl, int events) throws Exception {
        try (io.nats.client.Connection connection = Nats.connect(natsUrl)) {
            connection.jetStreamManagement().addStream(StreamConfiguration.builder().name(Stream.ACTIVITY.name())
                    .subjects(Stream.ACTIVITY.subjects()).build());
            JetStream jetStream = connection.jetStream();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long[] sequence = new long[TENANTS];
            List<EventEnvelope> chunk = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                int tenant = i % TENANTS;
                EventType type = typeOf(i);
                String actor = type == EventType.ACTIVITY_LOGIN_FAILED ? null : "user-" + (i % 37);
                EventEnvelope e = EventEnvelope.of(type, "bench-" + tenant, ++sequence[tenant], null,
                        new ActivityRecord(actor, actor == null ? "someone@example.com" : actor + "@example.com",
                                "entity-" + i, "bench activity " + i));
                chunk.add(new EventEnvelope(e.id(), e.type(), 1, e.tenant(), e.revision(),
                        now.minusSeconds(i % 7200), e.correlationId(), e.data()));
                if (chunk.size() == 1000 || i == events - 1) {
                    publish(jetStream, chunk);
                    chunk.clear();
                }
            }
            return connection.jetStreamManagement().getStreamInfo(Stream.ACTIVITY.name()).getStreamState().getMsgCount();
        }
    }

    /**
     * @param cpu CPU time the meter's JVM and its PostgreSQL backends spent from the first to the last applied event:
     *            what the ingest costs, whatever else the shared machine was doing meanwhile
     */
    /** Each tenant's i-th event of a round has the round's type. */
    private static EventType typeOf(int event) {
        return MIX[(event / TENANTS) % MIX.length];
    }

    /** Publishes asynchronously; what got no ack in time (a loaded machine) again, at once (same id: stored once). */
    private static void publish(JetStream jetStream, List<EventEnvelope> chunk) throws Exception {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
        for (EventEnvelope event : chunk) {
            acks.add(jetStream.publishAsync(event.type(), EventCodec.encode(event),
                    PublishOptions.builder().messageId(event.id()).build()));
        }
        for (int i = 0; i < chunk.size(); i++) {
            try {
                acks.get(i).join();
            } catch (RuntimeException noAck) {
                EventEnvelope event = chunk.get(i);
                jetStream.publish(event.type(), EventCodec.encode(event),
                        PublishOptions.builder().messageId(event.id()).build());
            }
        }
    }

    record Ingest(Duration firstToLast, Duration fromStart, double eventsPerSecond, Duration cpu, Duration meterCpu,
                  double secondHalfPerSecond) {
    }

    /** Polls the applied event ids: the time from the first to the last applied event is the ingest time. */
    private static Ingest awaitIngest(String url, int managementPort, int events, Duration timeout, Process meter)
            throws Exception {
        long start = System.nanoTime();
        long first = 0;
        long cpuAtFirst = 0;
        long meterAtFirst = 0;
        long half = 0;
        long appliedAtHalf = 0;
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            while (System.nanoTime() - start < timeout.toNanos()) {
                if (!meter.isAlive()) {
                    throw new IllegalStateException("the usage-meter exited; see its log");
                }
                long applied = appliedSoFar(managementPort);
                long now = System.nanoTime();
                if (applied > 0 && first == 0) {
                    first = now;
                    cpuAtFirst = cpuTicks(db, meter);
                    meterAtFirst = ticks(meter.pid());
                }
                if (half == 0 && applied >= events / 2) {
                    half = now;
                    appliedAtHalf = applied;
                }
                if (applied >= events) {
                    long stored = count(db, "SELECT count(*) FROM usage.applied_event");
                    if (stored != events) {
                        throw new IllegalStateException(stored + " event ids applied, expected " + events);
                    }
                    long tasks = count(db, "SELECT sum(tasks_created) FROM usage.hourly");
                    long expectedTasks = IntStream.range(0, events).filter(i -> typeOf(i) == EventType.ACTIVITY_TASK_CREATED)
                            .count();
                    if (tasks != expectedTasks) {
                        throw new IllegalStateException("tasks_created " + tasks + ", expected " + expectedTasks);
                    }
                    Duration ingest = Duration.ofNanos(now - first);
                    Duration cpu = Duration.ofMillis((cpuTicks(db, meter) - cpuAtFirst) * 1000 / TICKS_PER_SECOND);
                    Duration meterCpu = Duration.ofMillis((ticks(meter.pid()) - meterAtFirst) * 1000 / TICKS_PER_SECOND);
                    return new Ingest(ingest, Duration.ofNanos(now - start), events / (ingest.toNanos() / 1e9), cpu,
                            meterCpu, (applied - appliedAtHalf) / ((now - half) / 1e9));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("not every event applied within " + timeout);
    }

    /**
     * Events the meter's activity consumer applied, from its own counter: polling the database instead (a count over
     * a growing table every 100 ms) would take a good part of a core from the ingest it measures.
     */
    private static long appliedSoFar(int managementPort) throws InterruptedException {
        try {
            HttpResponse<String> metrics = METRICS.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines()
                    .filter(l -> l.startsWith("events_consumer_handled_total{") && l.contains("durable=\"usage-meter-activity\"")
                            && l.contains("outcome=\"applied\""))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException notUpYet) {
            return 0;
        }
    }

    /** User and system time (clock ticks) of the meter's JVM and of every backend connected to the bench database. */
    private static long cpuTicks(Connection db, Process meter) throws SQLException {
        List<Long> pids = new ArrayList<>(List.of(meter.pid()));
        try (Statement st = db.createStatement(); ResultSet rows = st.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = '" + DATABASE + "' AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        }
        return pids.stream().mapToLong(UsageBench::ticks).sum();
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException gone) {
            return 0; // a backend that ended in between
        }
    }

    /**
     * 1,000 tenants x 30 days: 720,000 hourly and 30,000 daily rows, one storage measurement an hour, written hour
     * after hour as the meter writes them.
     */
    private static void seedRollups(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "postgres", ""); Statement st = db.createStatement()) {
            st.execute("TRUNCATE usage.hourly, usage.daily, usage.storage_latest");
            st.execute("""
                    INSERT INTO usage.hourly (tenant, hour, requests, errors, rate_limited, db_ms, active_users, logins,
                                              storage_bytes, storage_measured_at)
                    SELECT 'bench-' || t, h, (t * 7 + extract(hour FROM h)::int * 13) % 5000, t % 17, t % 11, t * 3 % 9000,
                           t % 23, t % 5, 1000000 + t * 1000, h + interval '30 minutes'
                    FROM generate_series(date_trunc('hour', now()) - interval '30 days', date_trunc('hour', now()),
                                         interval '1 hour') h,
                         generate_series(0, 999) t
                    ORDER BY h, t""");
            st.execute("""
                    INSERT INTO usage.daily (tenant, day, requests, errors, rate_limited, db_ms, active_users, logins,
                                             storage_bytes, storage_measured_at)
                    SELECT tenant, (hour AT TIME ZONE 'UTC')::date, sum(requests), sum(errors), sum(rate_limited),
                           sum(db_ms), max(active_users), sum(logins), max(storage_bytes), max(storage_measured_at)
                    FROM usage.hourly GROUP BY 1, 2 ORDER BY 2, 1""");
            st.execute("""
                    INSERT INTO usage.storage_latest (tenant, bytes, measured_at)
                    SELECT tenant, max(storage_bytes), max(storage_measured_at) FROM usage.hourly GROUP BY tenant""");
            st.execute("ANALYZE usage.hourly");
            st.execute("ANALYZE usage.daily");
            st.execute("ANALYZE usage.storage_latest");
        }
    }

    /** {@code /usage/top} over the last 30 days, cycling through the metrics; the first 20 warm up. */
    private static List<Double> topLatencies(int port, String token, int queries) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String[] metrics = {"requests", "errors", "db_ms", "storage_bytes", "rate_limited", "active_users"};
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<Double> latencies = new ArrayList<>();
        for (int i = -20; i < queries; i++) {
            String metric = metrics[Math.floorMod(i, metrics.length)];
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/gateway/usage/top?metric=" + metric + "&limit=20&from=" + to.minus(Duration.ofDays(30))
                    + "&to=" + to)).header("Authorization", "Bearer " + token).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200 || !response.body().contains("\"tenant\":\"bench-")) {
                throw new IllegalStateException("top answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                latencies.add(ms);
            }
        }
        return latencies;
    }

    private static String report(int events, long published, Ingest ingest, List<Double> latencies, String loadBefore,
                                 String loadAfter) {
        List<Double> sorted = latencies.stream().sorted().toList();
        return "# usage-meter bench: " + Instant.now() + "\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores shared with PostgreSQL, NATS and "
                + "other builds; the meter's jar with its defaults (batch size 1,000, 4 lanes, 20,000 in flight) and the "
                + "parallel collector as bin/gateway runs it, on a "
                + "database (" + DATABASE + ") and a nats-server of the bench's own.\n\n"
                + "## Ingest: activity events into rollups (target >= 20,000 events/s)\n\n"
                + "A backlog of " + events + " activity events (" + published + " on the stream) of " + TENANTS
                + " tenants, 37 users each, a mix of task, project, login and settings events, published before the "
                + "meter starts; timed from the first applied event to the last (each: its id claimed, its counters "
                + "and active user added to the hourly and daily rollups, its row in the day's activity partition, "
                + "one transaction per batch). Progress is read from the meter's own applied-events counter (its management "
                + "port), so the bench adds no database load while it measures. Checked after: every event id applied "
                + "once, tasks_created exact.\n\n"
                + "| events | first to last applied | events/s | events/s, second half (JIT warm) | from the meter's start"
                + " | CPU (meter + its PostgreSQL backends) | events per CPU second |\n|---|---|---|---|---|---|---|\n"
                + "| " + events + " | " + ingest.firstToLast().toMillis() + " ms | "
                + String.format("%,.0f", ingest.eventsPerSecond()) + " | "
                + String.format("%,.0f", ingest.secondHalfPerSecond()) + " | " + ingest.fromStart().toMillis() + " ms | "
                + ingest.cpu().toMillis() + " ms (meter " + ingest.meterCpu().toMillis() + " ms) | "
                + String.format("%,.0f", events / Math.max(0.001, ingest.cpu().toMillis() / 1000.0)) + " |\n\n"
                + "The machine has " + Runtime.getRuntime().availableProcessors() + " cores: with them to itself the "
                + "meter could apply up to that many times the events per CPU second; the wall-clock rate above is what "
                + "it got while sharing them (load average below).\n\n"
                + "## `GET /api/gateway/usage/top` over 1,000 tenants x 30 days (target p95 <= 100 ms)\n\n"
                + "720,000 hourly and 30,000 daily rollup rows; 30-day ranges ending at the current hour, metric cycling "
                + "through requests, errors, db_ms, storage_bytes, rate_limited, active_users, limit 20; sequential, "
                + "over HTTP with a JWT, after 20 warm-up requests.\n\n"
                + "| requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|\n"
                + "| " + sorted.size() + " | " + fmt(percentile(sorted, 50)) + " | " + fmt(percentile(sorted, 95)) + " | "
                + fmt(percentile(sorted, 99)) + " | " + fmt(sorted.get(sorted.size() - 1)) + " |\n\n"
                + "Load average (1/5/15 min) at start: " + loadBefore + "; at end: " + loadAfter + ".\n";
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String fmt(double ms) {
        return String.format("%.1f", ms);
    }

    private static HttpServer jwks(RSAKey key) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String token(RSAKey key) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("tenant-registry").audience("gateway-admin")
                .subject("bench").claim("roles", List.of("viewer")).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void awaitHttp(int port, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/gateway/usage/top")).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the usage API did not answer");
    }

    private static void recreateDatabase(String pgBase) throws SQLException {
        try (Connection db = DriverManager.getConnection(pgBase + "postgres", "postgres", "");
             Statement st = db.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
            st.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static void dropDatabase(String pgBase) {
        try (Connection db = DriverManager.getConnection(pgBase + "postgres", "postgres", "");
             Statement st = db.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("the bench database " + DATABASE + " was not dropped: " + e.getMessage());
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nats-server did not start");
    }
}
