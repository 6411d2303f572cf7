package dev.gateway.app.support;

import dev.gateway.events.TenantDirectory;
import dev.gateway.testing.LoopbackPorts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A redis-server of the test's own (the Debian binary, a free port, a temp dir) that a test may kill
 * and restart, unlike the machine's shared Redis. Append-only file with fsync on every write, so what
 * was written survives a kill -9 like a crash of a persistent Redis.
 */
public final class PrivateRedis implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private PrivateRedis(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static PrivateRedis start() {
        try {
            PrivateRedis redis = new PrivateRedis(Files.createTempDirectory("it-redis"), LoopbackPorts.free());
            redis.restart();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return uri(port);
    }

    /** SIGKILL: connections drop at once and the port refuses until {@link #restart()}. */
    public synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on its port with the data it had; returns {@link System#nanoTime()} when it was back. */
    public synchronized long restart() {
        return restart(redis -> {
        });
    }

    /**
     * Starts the server on another port, applies {@code change} there, and only then moves it to its own port:
     * a change made while clients of {@link #uri()} cannot see Redis (announcements included). Returns
     * {@link System#nanoTime()} of the moment it listened on its port again.
     */
    public synchronized long restart(Consumer<RedisCommands<String, String>> change) {
        int startPort = LoopbackPorts.free();
        process = launch(startPort);
        RedisClient client = RedisClient.create();
        try (StatefulRedisConnection<String, String> connection = connect(client, uri(startPort))) {
            change.accept(connection.sync());
            connection.sync().configSet("port", Integer.toString(port));
            return System.nanoTime();
        } finally {
            client.shutdown();
        }
    }

    /** Runs {@code work} against the server (which must be up) on a connection of its own. */
    public void with(Consumer<RedisCommands<String, String>> work) {
        RedisClient client = RedisClient.create(uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            work.accept(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    /** Copies a tenant's directory hash from the shared test Redis, where {@link TenantFixture} wrote it. */
    public void mirrorTenant(String key) {
        Map<String, String> hash = TenantFixture.redisCommands().hgetall(TenantDirectory.key(key));
        with(redis -> redis.hset(TenantDirectory.key(key), hash));
    }

    @Override
    public synchronized void close() {
        kill();
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process launch(int listenPort) {
        try {
            return new ProcessBuilder("redis-server", "--port", Integer.toString(listenPort), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server", e);
        }
    }

    /** A connection once the server listens and has loaded its data (until then it answers LOADING). */
    private static StatefulRedisConnection<String, String> connect(RedisClient client, String uri) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(uri));
                try {
                    connection.sync().ping();
                    return connection;
                } catch (RedisLoadingException loading) {
                    connection.close();
                    throw loading;
                }
            } catch (RedisConnectionException | RedisLoadingException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not start on " + uri, e);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String uri(int port) {
        return "redis://127.0.0.1:" + port;
    }
}
