package dev.gateway.runtime.support;

import dev.gateway.testing.LoopbackPorts;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A PostgreSQL server of the test's own (the Debian binaries, trust authentication), so a test may stop and
 * start it. initdb refuses to run as root, so when the tests run as root the server runs as {@code postgres}.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private final int port;
    private final Path dir;

    private PrivatePostgres(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static PrivatePostgres start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "it-pg-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        PrivatePostgres pg = new PrivatePostgres(LoopbackPorts.free(), dir);
        pg.run(List.of(BIN.resolve("initdb").toString(), "-D", pg.data().toString(), "-U", "postgres", "-A", "trust",
                "--no-sync"));
        pg.startServer();
        return pg;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
    }

    /** Fast shutdown: sessions are terminated, new connections refused. */
    public void stop() throws IOException, InterruptedException {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
    }

    public void startServer() throws IOException, InterruptedException {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("PostgreSQL did not start on " + port);
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (IllegalStateException alreadyStopped) {
            // a test that failed while the server was down
        } finally {
            run(List.of("rm", "-rf", dir.toString()));
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> asPostgres = "root".equals(System.getProperty("user.name")) && !command.get(0).equals("rm")
                ? prepend(List.of("runuser", "-u", "postgres", "--"), command) : command;
        Process process = new ProcessBuilder(asPostgres).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed, see " + dir.resolve("commands.log"));
        }
    }

    private static List<String> prepend(List<String> head, List<String> tail) {
        return java.util.stream.Stream.concat(head.stream(), tail.stream()).toList();
    }
}
