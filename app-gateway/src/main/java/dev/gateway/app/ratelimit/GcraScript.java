package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.redis.LuaScript;
import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;

/** The GCRA script ({@code ratelimit/gcra.lua}) on the rate-limit Redis. */
@Singleton
class GcraScript {

    private final RedisLink redis;
    private final LuaScript script;

    GcraScript(@Named(RedisLinks.RATE_LIMIT) RedisLink redis, ResourceResolver resources) {
        this.redis = redis;
        this.script = new LuaScript(resources, "ratelimit/gcra.lua");
    }

    /**
     * Counts {@code admitted} requests already served, then decides {@code waiting} requests in
     * arrival order, on the bucket {@code key} of {@code tenant}.
     */
    CompletableFuture<GcraReply> apply(String key, TenantEntry tenant, int waiting, int admitted) {
        String[] keys = {key};
        return redis.commands().thenCompose(r -> script.run(r, keys, Long.toString(tenant.emissionInterval()),
                Integer.toString(tenant.burst()), Integer.toString(waiting), Integer.toString(admitted)))
                .thenApply(GcraReply::of);
    }
}
