package dev.gateway.chaos.stores;

import dev.gateway.chaos.process.ChildProcess;
import dev.gateway.chaos.wait.Deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private PostgreSQL 15 cluster from the Debian binaries, initialised afresh for every run. initdb refuses
 * to run as root, so as root every server command runs as the {@code postgres} user, and the data lives in a
 * directory that user owns outside {@code $GATEWAY_HOME} (which is private to its owner).
 */
public final class PostgresServer {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path base;
    private final int port;
    private final Path log;
    private ChildProcess process;

    public PostgresServer(Path base, int port, Path log) {
        this.base = base;
        this.port = port;
        this.log = log;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A new, empty cluster (anything left by an earlier run is removed). */
    public void initialise() {
        Files2.deleteRecursively(base);
        try {
            Files.createDirectories(base);
            if (ROOT) {
                ownByPostgres(base);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int exit = ChildProcess.run("initdb", asServerUser(List.of(BIN.resolve("initdb").toString(), "-A", "trust",
                "-U", "postgres", "-E", "UTF8", "--no-sync", "-D", data().toString())), Map.of(), log, base,
                Duration.ofSeconds(120));
        if (exit != 0) {
            throw new IllegalStateException("initdb failed with exit code " + exit + " (see " + log + ")");
        }
    }

    public void start(Deadline deadline) {
        process = ChildProcess.start("postgres", asServerUser(List.of(BIN.resolve("postgres").toString(),
                "-D", data().toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=400", "-c", "shared_buffers=128MB",
                // fsync only protects against losing the machine; a killed server still recovers every commit from
                // the WAL in the page cache (synchronous_commit stays on: off would lose acknowledged commits)
                "-c", "fsync=off", "-c", "full_page_writes=off",
                "-c", "log_min_messages=warning", "-c", "log_checkpoints=off")), Map.of(), log, base);
        if (!deadline.await(this::accepting, Duration.ofMillis(200))) {
            throw new IllegalStateException("PostgreSQL on :" + port + " did not accept connections (see " + log + ")");
        }
    }

    /** Like a crash: every backend is killed at once ({@code pg_ctl stop -m immediate}); recovery replays the WAL. */
    public void stopImmediately() {
        if (process == null || !process.alive()) {
            return;
        }
        ChildProcess.run("pg_ctl stop", asServerUser(List.of(BIN.resolve("pg_ctl").toString(), "-D", data().toString(),
                "stop", "-m", "immediate", "-w", "-t", "30")), Map.of(), log, base, Duration.ofSeconds(60));
        process.kill();
    }

    /** Gone for good at the end of a run: the tenant databases of a full run take gigabytes. */
    public void destroy() {
        stopImmediately();
        Files2.deleteRecursively(base);
    }

    /** Process id of the running server, -1 when none runs. */
    public long pid() {
        return running() ? process.pid() : -1;
    }

    public boolean running() {
        return process != null && process.alive();
    }

    public boolean accepting() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public Connection connect(String database) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(jdbcUrl(database) + "?connectTimeout=3&socketTimeout=60", "postgres", "");
    }

    private Path data() {
        return base.resolve("data");
    }

    private static List<String> asServerUser(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void ownByPostgres(Path dir) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName("postgres"));
        view.setGroup(lookup.lookupPrincipalByGroupName("postgres"));
    }
}
