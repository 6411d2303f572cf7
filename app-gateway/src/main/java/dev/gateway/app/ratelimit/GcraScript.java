package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The GCRA script in Redis: loaded once (SCRIPT LOAD), called by its SHA, and loaded again when
 * Redis answers NOSCRIPT (restart, SCRIPT FLUSH).
 */
@Singleton
class GcraScript {

    private final RedisLink redis;
    private final String source;
    private volatile String sha;

    GcraScript(@Named(RedisLinks.RATE_LIMIT) RedisLink redis, ResourceResolver resources) {
        this.redis = redis;
        this.source = load(resources);
    }

    /**
     * Counts {@code admitted} requests already served, then decides {@code waiting} requests in
     * arrival order, on the bucket {@code key} of {@code tenant}.
     */
    CompletableFuture<GcraReply> apply(String key, TenantEntry tenant, int waiting, int admitted) {
        String[] keys = {key};
        String[] args = {Long.toString(tenant.emissionInterval()), Integer.toString(tenant.burst()),
                Integer.toString(waiting), Integer.toString(admitted)};
        return redis.commands().thenCompose(r -> evalsha(r, keys, args)).thenApply(GcraReply::of);
    }

    private CompletableFuture<List<Long>> evalsha(RedisAsyncCommands<String, String> r, String[] keys, String[] args) {
        String current = sha;
        if (current == null) {
            return loadAndEval(r, keys, args);
        }
        return r.<List<Long>>evalsha(current, ScriptOutputType.MULTI, keys, args).toCompletableFuture()
                .handle((reply, e) -> e == null ? CompletableFuture.completedFuture(reply)
                        : isNoScript(e) ? loadAndEval(r, keys, args) : CompletableFuture.<List<Long>>failedFuture(e))
                .thenCompose(f -> f);
    }

    private CompletableFuture<List<Long>> loadAndEval(RedisAsyncCommands<String, String> r, String[] keys,
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

    private static String load(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream("classpath:ratelimit/gcra.lua")
                .orElseThrow(() -> new IllegalStateException("ratelimit/gcra.lua missing"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
