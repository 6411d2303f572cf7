package dev.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/** What {@link SecuredNats} and {@link SecuredRedis} share: where deploy/ is, passwords, ports, processes. */
public final class SecuredStores {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecuredStores() {
    }

    /** deploy/ of this repository, found from the module the tests run in. */
    static Path deploy() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("deploy");
    }

    /** Letters and digits, first a letter, as bin/gateway generates them (nats-server may read "5e…" as a number). */
    static String password() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "s" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replaceAll("[^A-Za-z0-9]", "x");
    }

    /** NATS_PASSWORD_ROUTE_PUBLISHER for route-publisher. */
    static String variable(String prefix, String user) {
        return prefix + user.toUpperCase().replace('-', '_');
    }

    static void awaitListening(Process process, int port, Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("not listening on " + port + ", see " + log);
    }

    static void stop(Process process, Path dir) {
        process.destroy();
        try {
            process.waitFor();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
