package dev.gateway.chaos.stores;

import dev.gateway.chaos.process.ChildProcess;
import dev.gateway.chaos.wait.Deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A private redis-server without automatic persistence ({@code --save ""}), with the keyspace notifications
 * Traefik needs. An outage that keeps the data writes a snapshot first ({@link #snapshot}), which the next start
 * loads; {@link #wipe} removes it so the server comes back empty.
 */
public final class RedisServer {

    private static final String DUMP = "chaos.rdb";

    private final Path dir;
    private final int port;
    private final Path log;
    private ChildProcess process;

    public RedisServer(Path dir, int port, Path log) {
        this.dir = dir;
        this.port = port;
        this.log = log;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start(Deadline deadline) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = ChildProcess.start("redis", List.of("redis-server", "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--notify-keyspace-events", "KEA",
                "--dir", dir.toString(), "--dbfilename", DUMP, "--daemonize", "no"), Map.of(), log, dir);
        if (!deadline.await(this::answering, Duration.ofMillis(100))) {
            throw new IllegalStateException("Redis on :" + port + " did not answer (see " + log + ")");
        }
    }

    /** SAVE: the next start loads exactly this data. */
    public void snapshot() {
        try (Resp redis = Resp.connect(port, Duration.ofSeconds(10))) {
            redis.call("SAVE");
        }
    }

    public void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** Removes the snapshot, so the next start is empty. */
    public void wipe() {
        try {
            Files.deleteIfExists(dir.resolve(DUMP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Process id of the running server, -1 when none runs. */
    public long pid() {
        return running() ? process.pid() : -1;
    }

    public boolean running() {
        return process != null && process.alive();
    }

    public boolean answering() {
        try (Resp redis = Resp.connect(port, Duration.ofSeconds(1))) {
            return "PONG".equals(redis.call("PING"));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
