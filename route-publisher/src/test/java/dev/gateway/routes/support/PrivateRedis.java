package dev.gateway.routes.support;

import dev.gateway.testing.LoopbackPorts;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A redis-server of our own on a free port, so a test may stop and restart it without touching the shared
 * Redis. Starts without persistence: a restart loses every key, the worst case for convergence.
 */
public final class PrivateRedis implements AutoCloseable {

    public final int port = LoopbackPorts.free();
    private Process process;

    public PrivateRedis start() {
        try {
            process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed for this test", e);
        }
        awaitListening(true);
        return this;
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        awaitListening(false);
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    private void awaitListening(boolean expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            boolean listening;
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                listening = true;
            } catch (IOException e) {
                listening = false;
            }
            if (listening == expected) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("redis-server on " + port + (expected ? " did not start" : " did not stop"));
    }

    @Override
    public void close() {
        stop();
    }
}
