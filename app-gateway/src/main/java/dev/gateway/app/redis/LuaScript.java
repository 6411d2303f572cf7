package dev.gateway.app.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micronaut.core.io.ResourceResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Lua script in Redis that answers a list of integers: loaded once (SCRIPT LOAD), called by its SHA, and
 * loaded again when Redis answers NOSCRIPT (restart, SCRIPT FLUSH).
 */
public final class LuaScript {

    private final String source;
    private volatile String sha;

    public LuaScript(ResourceResolver resources, String path) {
        try (InputStream in = resources.getResourceAsStream("classpath:" + path)
                .orElseThrow(() -> new IllegalStateException(path + " missing"))) {
            this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CompletableFuture<List<Long>> run(RedisAsyncCommands<String, String> r, String[] keys, String... args) {
        String current = sha;
        if (current == null) {
            return loadAndRun(r, keys, args);
        }
        return r.<List<Long>>evalsha(current, ScriptOutputType.MULTI, keys, args).toCompletableFuture()
                .handle((reply, e) -> e == null ? CompletableFuture.completedFuture(reply)
                        : isNoScript(e) ? loadAndRun(r, keys, args) : CompletableFuture.<List<Long>>failedFuture(e))
                .thenCompose(f -> f);
    }

    private CompletableFuture<List<Long>> loadAndRun(RedisAsyncCommands<String, String> r, String[] keys,
                                                     String[] args) {
        return r.scriptLoad(source).toCompletableFuture().thenCompose(loaded -> {
            sha = loaded;
            return r.<List<Long>>evalsha(loaded, ScriptOutputType.MULTI, keys, args).toCompletableFuture();
        });
    }

    private static boolean isNoScript(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof RedisNoScriptException;
    }
}
