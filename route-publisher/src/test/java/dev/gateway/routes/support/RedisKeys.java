package dev.gateway.routes.support;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Reading, waiting on and cleaning up test keys. */
public final class RedisKeys {

    private RedisKeys() {
    }

    public static List<String> scan(RedisCommands<String, String> redis, String pattern) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    /** Every string key below a prefix with its value, sorted. */
    public static TreeMap<String, String> values(RedisCommands<String, String> redis, String prefix) {
        TreeMap<String, String> values = new TreeMap<>();
        for (String key : scan(redis, prefix + "*")) {
            if ("string".equals(redis.type(key))) {
                values.put(key, redis.get(key));
            }
        }
        return values;
    }

    public static void deleteTestKeys(RedisCommands<String, String> redis, TestEnvironment env) {
        List<String> keys = new ArrayList<>(scan(redis, env.root + "*"));
        keys.addAll(scan(redis, "routes:" + env.root + ":*"));
        keys.addAll(scan(redis, "tenant:" + env.tenantPrefix + "*"));
        for (int i = 0; i < keys.size(); i += 500) {
            redis.del(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(String[]::new));
        }
    }

    public static <T> T await(String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                last = null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
    }
}
