package dev.gateway.routes.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A Lua script run by SHA, loaded again when Redis lost its script cache (restart, SCRIPT FLUSH). */
public final class LuaScript {

    private final String source;
    private volatile String sha;

    private LuaScript(String source) {
        this.source = source;
    }

    public static LuaScript classpath(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script /lua/" + name);
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        String current = sha;
        if (current == null) {
            current = load(redis);
        }
        try {
            return redis.evalsha(current, type, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.evalsha(load(redis), type, keys, args);
        }
    }

    /**
     * Runs the script pipelined; call {@link #load} first in the same batch, a lost script cache then fails
     * the batch and the caller's next run loads it again.
     */
    public <T> RedisFuture<T> runPipelined(RedisAsyncCommands<String, String> redis, ScriptOutputType type,
                                           String[] keys, String... args) {
        return redis.evalsha(sha, type, keys, args);
    }

    /** Runs the script without blocking, loading it first (or again, after NOSCRIPT) when needed. */
    public <T> CompletableFuture<T> runAsync(RedisAsyncCommands<String, String> redis, ScriptOutputType type,
                                             String[] keys, String... args) {
        String current = sha;
        CompletableFuture<String> loaded = current != null ? CompletableFuture.completedFuture(current)
                : loadAsync(redis);
        return loaded.thenCompose(digest -> redis.<T>evalsha(digest, type, keys, args).toCompletableFuture())
                .exceptionallyCompose(failure -> rootCause(failure) instanceof RedisNoScriptException
                        ? loadAsync(redis).thenCompose(digest ->
                                redis.<T>evalsha(digest, type, keys, args).toCompletableFuture())
                        : CompletableFuture.failedFuture(rootCause(failure)));
    }

    private CompletableFuture<String> loadAsync(RedisAsyncCommands<String, String> redis) {
        return redis.scriptLoad(source).toCompletableFuture().thenApply(digest -> {
            sha = digest;
            return digest;
        });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public String load(RedisCommands<String, String> redis) {
        sha = redis.scriptLoad(source);
        return sha;
    }
}
