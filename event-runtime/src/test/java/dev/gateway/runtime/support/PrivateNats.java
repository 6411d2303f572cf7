package dev.gateway.runtime.support;

import dev.gateway.testing.LoopbackPorts;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** A nats-server of the test's own (the Debian binary), so a test may stop it and wipe its store. */
public final class PrivateNats implements AutoCloseable {

    private final int port;
    private final Path store;
    private Process process;

    private PrivateNats(int port, Path store) {
        this.port = port;
        this.store = store;
    }

    public static PrivateNats start() throws IOException, InterruptedException {
        PrivateNats nats = new PrivateNats(LoopbackPorts.free(), Files.createTempDirectory("runtime-it-nats"));
        nats.startServer();
        return nats;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** A client that reconnects forever, quickly, as the services' clients do. */
    public Connection connect() throws IOException, InterruptedException {
        return Nats.connect(new Options.Builder().server(url()).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(100)).connectionTimeout(Duration.ofSeconds(2)).build());
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    /** Stops the server, deletes everything it stored (streams, durables) and starts it again on the same port. */
    public void restartEmpty() throws IOException, InterruptedException {
        stop();
        deleteStore();
        Files.createDirectories(store);
        startServer();
    }

    public void startServer() throws IOException, InterruptedException {
        process = new ProcessBuilder("nats-server", "-a", "127.0.0.1", "-p", Integer.toString(port), "-js",
                "-sd", store.toString()).redirectErrorStream(true)
                .redirectOutput(store.resolveSibling(store.getFileName() + ".log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nats-server did not start on " + port);
    }

    @Override
    public void close() throws Exception {
        stop();
        deleteStore();
    }

    private void deleteStore() throws IOException {
        if (Files.exists(store)) {
            try (Stream<Path> files = Files.walk(store)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
