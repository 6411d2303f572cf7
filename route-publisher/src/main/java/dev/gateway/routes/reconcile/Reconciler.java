package dev.gateway.routes.reconcile;

import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantKey;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.events.RouteMetrics;
import dev.gateway.routes.registry.RegistryClient;
import dev.gateway.routes.registry.RegistryUnavailableException;
import dev.gateway.routes.route.RoutePlan;
import dev.gateway.routes.route.RoutePlanner;
import dev.gateway.routes.route.RouteWriter;
import dev.gateway.routes.route.TraefikKeys;
import dev.gateway.routes.route.WriteOutcome;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes Redis match the registry: restores missing or corrupted tenant keys and directory entries,
 * removes routers of unknown tenants, fixes the index. A desired state only wins when its revision is
 * newer than or equal to what Redis holds, so a reconcile never undoes a fresher event, unless the registry
 * never issued the revision Redis holds ({@link AheadOfRegistry}). When the registry cannot be read nothing is
 * touched.
 */
@Singleton
public class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final RegistryClient registry;
    private final AheadOfRegistry aheadOfRegistry;
    private final RedisRouteReader reader;
    private final RouteWriter writer;
    private final RoutePlanner planner;
    private final TraefikKeys keys;
    private final StatefulRedisConnection<String, String> redis;
    private final ReconcileStatus status;
    private final RouteMetrics metrics;

    public Reconciler(RegistryClient registry, AheadOfRegistry aheadOfRegistry, RedisRouteReader reader,
                      RouteWriter writer, RoutePlanner planner, TraefikKeys keys,
                      StatefulRedisConnection<String, String> redis, ReconcileStatus status, RouteMetrics metrics) {
        this.registry = registry;
        this.aheadOfRegistry = aheadOfRegistry;
        this.reader = reader;
        this.writer = writer;
        this.planner = planner;
        this.keys = keys;
        this.redis = redis;
        this.status = status;
        this.metrics = metrics;
    }

    public synchronized ReconcileReport reconcile() {
        Instant started = Instant.now();
        List<TenantSnapshot> desired;
        try {
            desired = registry.allTenants();
        } catch (RegistryUnavailableException e) {
            LOG.warn("registry unavailable, routes left as they are: {}", e.getMessage());
            status.registryFailed(started, e.getMessage());
            throw e;
        }
        status.registryReached();
        long registryMs = System.currentTimeMillis() - started.toEpochMilli();
        ReconcileReport report = repair(started, plans(desired), registryMs);
        status.completed(report);
        metrics.reconciled(report.repaired(), report.straysRemoved());
        LOG.info("reconciled {} tenants in {} ms (registry {} ms, Redis read {} ms): {} repaired, {} strays removed",
                report.desiredTenants(), report.durationMs(), report.registryMs(), report.redisReadMs(),
                report.repaired(), report.straysRemoved());
        return report;
    }

    private Map<String, RoutePlan> plans(List<TenantSnapshot> desired) {
        Map<String, RoutePlan> plans = new HashMap<>();
        for (TenantSnapshot tenant : desired) {
            if (TenantKey.isValid(tenant.key()) && tenant.status() != null) {
                plans.put(tenant.key(), planner.plan(tenant, tenant.revision()));
            } else {
                LOG.warn("registry listed a tenant without a valid key or status: {}", tenant.key());
            }
        }
        return plans;
    }

    private ReconcileReport repair(Instant started, Map<String, RoutePlan> plans, long registryMs) {
        long redisStartMs = redisTimeMillis();
        long readStarted = System.currentTimeMillis();
        RedisRouteState actual = reader.read(plans.keySet());
        long readMs = System.currentTimeMillis() - readStarted;
        boolean sharedRepaired = repairShared(actual);
        int desiredRoutes = 0;
        List<RouteWriter.Repair> repairs = new ArrayList<>();
        List<AheadOfRegistry.Entry> ahead = new ArrayList<>();
        for (RoutePlan plan : plans.values()) {
            desiredRoutes += plan.routable() ? 1 : 0;
            Map<String, String> routeKeys = actual.tenantKeys().getOrDefault(plan.tenant(), Map.of());
            Map<String, String> directory = actual.directories().getOrDefault(plan.tenant(), Map.of());
            long stored = redisRevision(directory);
            if (stored > plan.revision()) {
                ahead.add(new AheadOfRegistry.Entry(plan.tenant(), directory.get(TenantDirectory.REVISION), stored,
                        routeKeys));
            } else if (drifted(plan, routeKeys, directory, actual.index().containsKey(plan.tenant()))) {
                repairs.add(repairOf(plan, routeKeys, RouteWriter.Repair.NOTHING_TO_REPLACE));
            }
        }
        List<RouteWriter.Repair> unissued = aheadOfRegistry.repairs(ahead);
        repairs.addAll(unissued);
        int skippedNewer = ahead.size() - unissued.size();
        int repaired = (int) writer.rewriteAll(repairs).stream()
                .filter(outcome -> outcome.kind() == WriteOutcome.Kind.APPLIED).count();
        int strays = removeStrays(plans, actual, redisStartMs);
        long actualRoutes = redis.sync().zcard(keys.index());
        return new ReconcileReport(started, System.currentTimeMillis() - started.toEpochMilli(), plans.size(),
                desiredRoutes, actual.tenantKeys().size(), actualRoutes, repaired, strays, sharedRepaired,
                skippedNewer, registryMs, readMs);
    }

    /** Rewrites the tenant to its plan, deleting the route keys it has but the plan has not. */
    static RouteWriter.Repair repairOf(RoutePlan plan, Map<String, String> routeKeys, String replacesRevision) {
        Set<String> extra = new HashSet<>(routeKeys.keySet());
        extra.removeAll(plan.routeKeys().keySet());
        return new RouteWriter.Repair(plan, extra, replacesRevision);
    }

    private boolean repairShared(RedisRouteState actual) {
        Map<String, String> wanted = planner.sharedKeys();
        if (wanted.equals(actual.sharedKeys())) {
            return false;
        }
        Set<String> stale = new HashSet<>(actual.sharedKeys().keySet());
        stale.removeAll(wanted.keySet());
        writer.replaceShared(stale);
        return true;
    }

    private static boolean drifted(RoutePlan plan, Map<String, String> routeKeys, Map<String, String> directory,
                                   boolean indexed) {
        boolean directoryDrift = plan.directoryTtlSeconds() != RoutePlan.EXPIRED && !plan.directory().equals(directory);
        return !plan.routeKeys().equals(routeKeys) || plan.routable() != indexed || directoryDrift;
    }

    private int removeStrays(Map<String, RoutePlan> plans, RedisRouteState actual, long redisStartMs) {
        Set<String> unknown = new HashSet<>(actual.tenantKeys().keySet());
        unknown.addAll(actual.index().keySet());
        unknown.removeAll(plans.keySet());
        int removed = 0;
        for (String tenant : unknown) {
            List<String> routeKeys = List.copyOf(actual.tenantKeys().getOrDefault(tenant, Map.of()).keySet());
            long deleted = writer.removeOrphan(tenant, redisStartMs, routeKeys);
            if (deleted > 0 || (deleted == 0 && actual.index().containsKey(tenant))) {
                removed++;
                LOG.info("removed stray router of unknown tenant {}", tenant);
            }
        }
        return removed;
    }

    /** As the write script reads it: digits only, anything else counts as no revision. */
    private static long redisRevision(Map<String, String> directory) {
        String stored = directory.getOrDefault(TenantDirectory.REVISION, "");
        if (!stored.matches("\\d+")) {
            return -1;
        }
        try {
            return Long.parseLong(stored);
        } catch (NumberFormatException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    private long redisTimeMillis() {
        List<String> time = redis.sync().time();
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }
}
