package dev.gateway.routes.reconcile;

import dev.gateway.events.TenantDirectory;
import dev.gateway.routes.route.TraefikKeys;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the actual route state for a reconcile: SCAN of the Traefik root only (never the hot path),
 * values in MGET batches, directory hashes pipelined.
 */
@Singleton
class RedisRouteReader {

    private static final int BATCH = 1000;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(30);

    private final StatefulRedisConnection<String, String> connection;
    private final TraefikKeys keys;

    RedisRouteReader(StatefulRedisConnection<String, String> connection, TraefikKeys keys) {
        this.connection = connection;
        this.keys = keys;
    }

    RedisRouteState read(Collection<String> desiredTenants) {
        RedisCommands<String, String> redis = connection.sync();
        List<String> found = scanRoot(redis);
        Map<String, String> values = values(redis, found);
        Map<String, Map<String, String>> tenantKeys = new HashMap<>();
        Map<String, String> shared = new LinkedHashMap<>();
        String service = keys.service(TraefikKeys.SERVICE);
        String catchAll = keys.router(TraefikKeys.CATCH_ALL_ROUTER);
        values.forEach((key, value) -> keys.tenantOf(key).ifPresentOrElse(
                tenant -> tenantKeys.computeIfAbsent(tenant, t -> new HashMap<>()).put(key, value),
                () -> {
                    if (key.startsWith(service) || key.startsWith(catchAll)) {
                        shared.put(key, value);
                    }
                }));
        Map<String, Double> index = new HashMap<>();
        for (ScoredValue<String> entry : redis.zrangeWithScores(keys.index(), 0, -1)) {
            index.put(entry.getValue(), entry.getScore());
        }
        return new RedisRouteState(tenantKeys, shared, index, directories(desiredTenants));
    }

    private List<String> scanRoot(RedisCommands<String, String> redis) {
        List<String> found = new ArrayList<>();
        ScanArgs args = ScanArgs.Builder.matches(keys.scanPattern()).limit(BATCH);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, args);
            found.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return found;
    }

    private Map<String, String> values(RedisCommands<String, String> redis, List<String> keys) {
        Map<String, String> values = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            for (KeyValue<String, String> kv : redis.mget(batch.toArray(String[]::new))) {
                if (kv.hasValue()) {
                    values.put(kv.getKey(), kv.getValue());
                }
            }
        }
        return values;
    }

    private Map<String, Map<String, String>> directories(Collection<String> tenants) {
        RedisAsyncCommands<String, String> async = connection.async();
        Map<String, RedisFuture<Map<String, String>>> pending = new HashMap<>();
        for (String tenant : tenants) {
            pending.put(tenant, async.hgetall(TenantDirectory.key(tenant)));
        }
        if (!LettuceFutures.awaitAll(PIPELINE_TIMEOUT, pending.values().toArray(RedisFuture[]::new))) {
            throw new IllegalStateException("directory read timed out");
        }
        Map<String, Map<String, String>> result = new HashMap<>();
        pending.forEach((tenant, future) -> result.put(tenant, future.toCompletableFuture().join()));
        return result;
    }
}
