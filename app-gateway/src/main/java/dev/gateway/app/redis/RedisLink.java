package dev.gateway.app.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.NettyCustomizer;
import io.micronaut.core.annotation.Nullable;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * One lazily (re)connected Redis connection. Startup never waits for Redis; while Redis is down
 * commands fail fast (no queueing), and a new connect is tried every {@link #RECONNECT_DELAY} at most.
 */
public class RedisLink implements AutoCloseable {

    /**
     * Lettuce's default backoff doubles up to 30 s, so after an outage of a few seconds traffic that needs
     * Redis kept failing for seconds more while Redis was already back. A refused connect costs next to
     * nothing, so retry often; the backoff still grows from 1 ms to this bound.
     */
    static final Duration RECONNECT_DELAY = Duration.ofMillis(100);

    @Nullable
    private final LoopLocalConnections perLoop;
    private final List<StatefulRedisConnection<String, String>> loopConnections = new CopyOnWriteArrayList<>();
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private volatile CompletableFuture<StatefulRedisConnection<String, String>> connection;
    private volatile long lastFailure;
    /** Set once connected; Lettuce reconnects this connection by itself after that. */
    private volatile RedisAsyncCommands<String, String> connected;

    public RedisLink(String uri, Duration commandTimeout) {
        this(uri, commandTimeout, null);
    }

    /** With {@code eventLoops}, the connection lives on those (the HTTP server's) event loops. */
    public RedisLink(String uri, Duration commandTimeout, @Nullable EventLoopGroup eventLoops) {
        this.uri = RedisURI.create(uri);
        this.perLoop = eventLoops == null ? null
                : new LoopLocalConnections((int) StreamSupport.stream(eventLoops.spliterator(), false).count());
        DefaultClientResources.Builder builder = DefaultClientResources.builder();
        if (eventLoops != null) {
            builder.eventLoopGroupProvider(new SharedEventLoops(eventLoops));
        }
        builder.reconnectDelay(Delay.exponential(Duration.ofMillis(1), RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS));
        this.resources = builder.nettyCustomizer(new NettyCustomizer() {
            @Override
            public void afterChannelInitialized(Channel channel) {
                // many requests write a command at once: one socket write for all of them
                channel.pipeline().addFirst(new FlushConsolidationHandler(256, true));
                if (perLoop != null) {
                    perLoop.channelInitialised(channel.eventLoop());
                }
            }
        }).build();
        this.client = RedisClient.create(resources, this.uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
    }

    public RedisClient client() {
        return client;
    }

    public RedisURI uri() {
        return uri;
    }

    /** The connected async API, or a failed future when Redis is unreachable. */
    public CompletableFuture<RedisAsyncCommands<String, String>> commands() {
        RedisAsyncCommands<String, String> ready = connected;
        if (ready != null) {
            if (perLoop != null) {
                RedisAsyncCommands<String, String> local = perLoop.forCurrentLoop();
                if (local != null) {
                    return CompletableFuture.completedFuture(local);
                }
                perLoop.open(client, uri, loopConnections);
            }
            return CompletableFuture.completedFuture(ready);
        }
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
        if (current == null || current.isCompletedExceptionally()) {
            current = reconnect(current);
        }
        return current.thenApply(StatefulRedisConnection::async);
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> reconnect(
            CompletableFuture<StatefulRedisConnection<String, String>> seen) {
        if (connection != seen) {
            return connection;
        }
        if (seen != null && System.nanoTime() - lastFailure < RECONNECT_DELAY.toNanos()) {
            return seen;
        }
        CompletableFuture<StatefulRedisConnection<String, String>> attempt =
                client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        attempt.whenComplete((c, e) -> {
            if (e != null) {
                lastFailure = System.nanoTime();
            } else {
                connected = c.async();
            }
        });
        connection = attempt;
        return attempt;
    }

    @Override
    public void close() {
        loopConnections.forEach(StatefulRedisConnection::close);
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
