package dev.gateway.routes.reconcile;

import dev.gateway.events.TenantDirectory;
import dev.gateway.routes.route.TraefikKeys;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the actual route state for a reconcile: SCAN of the Traefik root only (never the hot path),
 * values in MGET batches, directory hashes pipelined.
 */
@Singleton
class RedisRouteReader {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRouteReader.class);
    private static final int BATCH = 1000;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> CORRUPT = Map.of("", "unreadable");

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
        String indexType = redis.type(keys.index());
        if (!"zset".equals(indexType) && !"none".equals(indexType)) {
            LOG.warn("published-tenant index {} is a {}, rebuilding it", keys.index(), indexType);
            redis.del(keys.index());
        }
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

    /** Directory hashes; an entry that cannot be read as a hash (wrong type) reads as corrupt, so it is rewritten. */
    private Map<String, Map<String, String>> directories(Collection<String> tenants) {
        RedisAsyncCommands<String, String> async = connection.async();
        Map<String, RedisFuture<Map<String, String>>> pending = new HashMap<>();
        for (String tenant : tenants) {
            pending.put(tenant, async.hgetall(TenantDirectory.key(tenant)));
        }
        long deadline = System.nanoTime() + PIPELINE_TIMEOUT.toNanos();
        Map<String, Map<String, String>> result = new HashMap<>();
        for (Map.Entry<String, RedisFuture<Map<String, String>>> entry : pending.entrySet()) {
            result.put(entry.getKey(), await(entry.getValue(), deadline));
        }
        return result;
    }

    private static Map<String, String> await(RedisFuture<Map<String, String>> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RedisCommandExecutionException) {
                return CORRUPT;
            }
            throw new IllegalStateException("directory read failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("directory read timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
