package dev.gateway.app.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.core.annotation.Nullable;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Redis connection per HTTP event loop, so that a request's command and its reply stay on the
 * request's own thread. Netty assigns a new connection's loop round-robin, so connections are
 * opened one after the other until every loop has one (or attempts run out); the loop of each is
 * read from its channel as it is initialised. Callers on other threads, or before setup finished,
 * use the link's main connection.
 */
final class LoopLocalConnections {

    private final Map<EventExecutor, RedisAsyncCommands<String, String>> byLoop = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final int loops;
    private volatile EventLoop lastInitialised;

    LoopLocalConnections(int loops) {
        this.loops = loops;
    }

    void channelInitialised(EventLoop loop) {
        lastInitialised = loop;
    }

    @Nullable
    RedisAsyncCommands<String, String> forCurrentLoop() {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        return loop == null ? null : byLoop.get(loop);
    }

    /** Starts opening the per-loop connections once; never blocks. */
    void open(RedisClient client, RedisURI uri, List<StatefulRedisConnection<String, String>> opened) {
        if (started.compareAndSet(false, true)) {
            next(client, uri, opened, loops * 3);
        }
    }

    private void next(RedisClient client, RedisURI uri, List<StatefulRedisConnection<String, String>> opened,
                      int attemptsLeft) {
        if (byLoop.size() >= loops || attemptsLeft == 0) {
            return;
        }
        client.connectAsync(StringCodec.UTF8, uri).whenComplete((connection, error) -> {
            if (error != null) {
                started.set(false);
                return;
            }
            EventLoop loop = lastInitialised;
            if (loop != null && !byLoop.containsKey(loop)) {
                byLoop.put(loop, connection.async());
                opened.add(connection);
            } else {
                connection.closeAsync();
            }
            next(client, uri, opened, attemptsLeft - 1);
        });
    }
}
