package dev.gateway.app.resolve;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Continues a request on the event loop that owns it. A Redis reply may complete on another
 * loop; running the controller and serialization there would pile work onto whichever loop holds
 * the Redis connection. Already-completed futures (cache hits, limiter off) and replies that
 * arrive on the caller's own loop continue in place, without a task hand-off.
 */
final class CallerLoop {

    private CallerLoop() {
    }

    static <T> CompletableFuture<T> resume(CompletableFuture<T> future) {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (future.isDone() || loop == null) {
            return future;
        }
        Executor sameOrHop = task -> {
            if (loop.inEventLoop()) {
                task.run();
            } else {
                loop.execute(task);
            }
        };
        return future.thenApplyAsync(Function.identity(), sameOrHop);
    }
}
