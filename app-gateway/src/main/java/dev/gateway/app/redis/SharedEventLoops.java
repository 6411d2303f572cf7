package dev.gateway.app.redis;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;

import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * Lets Lettuce run its connection on the HTTP server's event loops instead of threads of its own:
 * a request on the connection's loop then writes its command and gets the reply without any
 * thread hand-off. The server owns the group, so Lettuce never shuts it down.
 */
final class SharedEventLoops implements EventLoopGroupProvider {

    private final EventLoopGroup group;

    SharedEventLoops(EventLoopGroup group) {
        this.group = group;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
        return (T) group;
    }

    @Override
    public int threadPoolSize() {
        return (int) StreamSupport.stream(group.spliterator(), false).count();
    }

    @Override
    public Future<Boolean> release(EventExecutorGroup eventLoopGroup, long quietPeriod, long timeout, TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }

    @Override
    public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }
}
