package dev.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A redis-server of the test's own, started as bin/gateway and docker-compose.yml start the platform's: by
 * deploy/redis/redis-server.sh with the users of deploy/redis/users.acl (the default user off), fresh passwords.
 */
public final class SecuredRedis implements AutoCloseable {

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final int port;
    private final Path dir;
    private final Process process;

    private SecuredRedis(int port) throws IOException {
        this.port = port;
        dir = Files.createTempDirectory("secured-redis");
        ProcessBuilder server = new ProcessBuilder("sh", SecuredStores.deploy().resolve("redis/redis-server.sh").toString(),
                dir.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString());
        for (String user : users()) {
            passwords.put(user, SecuredStores.password());
            server.environment().put(SecuredStores.variable("REDIS_PASSWORD_", user), passwords.get(user));
        }
        process = server.redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        SecuredStores.awaitListening(process, port, dir.resolve("redis.log"));
    }

    /** Every user deploy/redis/users.acl switches on, so a user added there is started here too. */
    private static List<String> users() throws IOException {
        return Files.readAllLines(SecuredStores.deploy().resolve("redis/users.acl")).stream()
                .filter(line -> line.startsWith("user ") && line.contains(" on "))
                .map(line -> line.split(" ")[1])
                .toList();
    }

    public static SecuredRedis start() {
        return startOn(LoopbackPorts.free());
    }

    /** On a port the test chose, e.g. one a service was told to use before Redis was up. */
    public static SecuredRedis startOn(int port) {
        try {
            return new SecuredRedis(port);
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server is needed for this test", e);
        }
    }

    /** The URL a service is given: redis://user:password@127.0.0.1:port. */
    public String uri(String user, String password) {
        return "redis://" + user + ":" + password + "@127.0.0.1:" + port;
    }

    public String uri(String user) {
        return uri(user, passwords.get(user));
    }

    @Override
    public void close() {
        SecuredStores.stop(process, dir);
    }
}
