package dev.gateway.routes.reconcile;

import dev.gateway.routes.route.RoutePlanner;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a Redis that lost the routes (restarted without persistence, flushed, evicted) within a second, instead
 * of at the next reconcile: the shared keys every reconcile writes are gone, so it reconciles at once. One EXISTS
 * per check; a Redis that does not answer is left to the scheduled reconcile.
 */
@Singleton
public class RedisWipeWatch {

    private static final Logger LOG = LoggerFactory.getLogger(RedisWipeWatch.class);

    private final StatefulRedisConnection<String, String> redis;
    private final RoutePlanner planner;
    private final ReconcileStatus status;
    private final ReconcileJob job;

    public RedisWipeWatch(StatefulRedisConnection<String, String> redis, RoutePlanner planner, ReconcileStatus status,
                          ReconcileJob job) {
        this.redis = redis;
        this.planner = planner;
        this.status = status;
        this.job = job;
    }

    @Scheduled(fixedDelay = "${gateway.reconcile.wipe-check:1s}", initialDelay = "${gateway.reconcile.wipe-check:1s}")
    void check() {
        if (status.lastReport() == null) {
            return;
        }
        String[] shared = planner.sharedKeys().keySet().toArray(String[]::new);
        long present;
        try {
            present = redis.sync().exists(shared);
        } catch (RuntimeException unreachable) {
            return;
        }
        if (present < shared.length) {
            LOG.warn("Redis lost the shared route keys ({} of {} left): reconciling now", present, shared.length);
            job.run();
        }
    }
}
