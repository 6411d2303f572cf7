package dev.gateway.registry.support;

import dev.gateway.testing.LoopbackPorts;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A redis-server of the test's own (the Debian binary), so a test may stop it. */
public final class PrivateRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private PrivateRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** On a free port, not started yet: a service configured with {@link #url()} starts without its Redis. */
    public static PrivateRedis notStarted() throws IOException {
        return new PrivateRedis(LoopbackPorts.free(), Files.createTempDirectory("registry-it-redis"));
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void startServer() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--save", "", "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on " + port);
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
