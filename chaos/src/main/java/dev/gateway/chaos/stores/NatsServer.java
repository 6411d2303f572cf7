package dev.gateway.chaos.stores;

import dev.gateway.chaos.process.ChildProcess;
import dev.gateway.chaos.wait.Deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A private nats-server with JetStream on a file store the suite can keep or wipe between starts. */
public final class NatsServer {

    private final Path storeDir;
    private final int port;
    private final Path log;
    private ChildProcess process;

    public NatsServer(Path storeDir, int port, Path log) {
        this.storeDir = storeDir;
        this.port = port;
        this.log = log;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public void start(Deadline deadline) {
        try {
            Files.createDirectories(storeDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = ChildProcess.start("nats", List.of("nats-server", "-a", "127.0.0.1", "-p", String.valueOf(port),
                "-js", "-sd", storeDir.toString()), Map.of(), log, storeDir);
        if (!deadline.await(this::listening, Duration.ofMillis(100))) {
            throw new IllegalStateException("NATS on :" + port + " did not listen (see " + log + ")");
        }
    }

    public void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** Removes the JetStream store: streams, messages and durable consumers are gone at the next start. */
    public void wipe() {
        Files2.deleteRecursively(storeDir);
    }

    /** Process id of the running server, -1 when none runs. */
    public long pid() {
        return running() ? process.pid() : -1;
    }

    public boolean running() {
        return process != null && process.alive();
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
