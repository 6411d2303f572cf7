package dev.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A nats-server of the test's own, started as bin/gateway and docker-compose.yml start the platform's: from
 * deploy/nats/nats-server.conf, one user per service with the permissions written there, fresh passwords.
 */
public final class SecuredNats implements AutoCloseable {

    public static final List<String> USERS = List.of("tenant-registry", "provisioner", "route-publisher", "app-gateway",
            "usage-meter");

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final int port = LoopbackPorts.free();
    private final Path dir;
    private final Process process;

    private SecuredNats() throws IOException {
        dir = Files.createTempDirectory("secured-nats");
        ProcessBuilder server = new ProcessBuilder("nats-server", "-c",
                SecuredStores.deploy().resolve("nats/nats-server.conf").toString(), "-a", "127.0.0.1",
                "-p", Integer.toString(port), "-js", "-sd", dir.resolve("jetstream").toString(), "-l", log().toString());
        for (String user : USERS) {
            passwords.put(user, SecuredStores.password());
            server.environment().put(SecuredStores.variable("NATS_PASSWORD_", user), passwords.get(user));
        }
        process = server.redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile()).start();
        SecuredStores.awaitListening(process, port, log());
    }

    public static SecuredNats start() {
        try {
            return new SecuredNats();
        } catch (IOException e) {
            throw new UncheckedIOException("nats-server is needed for this test", e);
        }
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public String password(String user) {
        return passwords.get(user);
    }

    /** The server's log, where it records every permissions violation. */
    public Path log() {
        return dir.resolve("nats.log");
    }

    public String logText() {
        try {
            return Files.readString(log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        SecuredStores.stop(process, dir);
    }
}
