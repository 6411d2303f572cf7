package dev.gateway.routes.route;

import dev.gateway.events.TenantDirectory;
import dev.gateway.routes.redis.LuaScript;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The only writer of route and directory keys. Each call is one Lua script, so a tenant's routers,
 * middleware, index entry, directory hash and revision check change together or not at all.
 */
@Singleton
public class RouteWriter {

    private static final LuaScript APPLY = LuaScript.classpath("apply_tenant.lua");
    private static final LuaScript REMOVE_ORPHAN = LuaScript.classpath("remove_orphan.lua");
    private static final LuaScript REPLACE = LuaScript.classpath("replace_keys.lua");

    private static final int PIPELINE_BATCH = 500;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(30);

    private final RedisCommands<String, String> redis;
    private final RedisAsyncCommands<String, String> async;
    private final TraefikKeys keys;
    private final RoutePlanner planner;

    public RouteWriter(StatefulRedisConnection<String, String> connection, TraefikKeys keys, RoutePlanner planner) {
        this.redis = connection.sync();
        this.async = connection.async();
        this.keys = keys;
        this.planner = planner;
    }

    /**
     * Applies an event's plan unless Redis holds the same or a newer revision (a duplicate or a stale event).
     * Does not block: scripts sent in order on the one connection run in that order, so a worker can hand
     * over the next event of the same tenant before this one completes.
     */
    public CompletableFuture<WriteOutcome> apply(RoutePlan plan) {
        return APPLY.<List<Long>>runAsync(async, ScriptOutputType.MULTI, applyKeys(plan),
                applyArgs(plan, false, List.of(), Repair.NOTHING_TO_REPLACE)).thenApply(WriteOutcome::of);
    }

    /**
     * Rewrites many tenants (reconcile repairs), pipelined in batches; each tenant is still one atomic script
     * with its revision check, equal revisions are rewritten, and a newer one only when it is the revision the
     * repair replaces.
     */
    public List<WriteOutcome> rewriteAll(List<Repair> repairs) {
        APPLY.load(redis);
        List<WriteOutcome> outcomes = new ArrayList<>(repairs.size());
        for (int from = 0; from < repairs.size(); from += PIPELINE_BATCH) {
            List<RedisFuture<List<Long>>> batch = new ArrayList<>();
            for (Repair repair : repairs.subList(from, Math.min(repairs.size(), from + PIPELINE_BATCH))) {
                batch.add(APPLY.runPipelined(async, ScriptOutputType.MULTI, applyKeys(repair.plan()),
                        applyArgs(repair.plan(), true, repair.extraKeys(), repair.replacesRevision())));
            }
            if (!LettuceFutures.awaitAll(PIPELINE_TIMEOUT, batch.toArray(RedisFuture[]::new))) {
                throw new IllegalStateException("route rewrite batch timed out");
            }
            for (RedisFuture<List<Long>> future : batch) {
                outcomes.add(WriteOutcome.of(future.toCompletableFuture().join()));
            }
        }
        return outcomes;
    }

    private String[] applyKeys(RoutePlan plan) {
        return new String[]{TenantDirectory.key(plan.tenant()), keys.index(), keys.ownedKeys(plan.tenant())};
    }

    private String[] applyArgs(RoutePlan plan, boolean rewriteEqual, Collection<String> extraKeysToDelete,
                               String replacesRevision) {
        Map<String, String> shared = plan.routable() ? planner.sharedKeys() : Map.of();
        List<String> args = new ArrayList<>();
        args.add(plan.tenant());
        args.add(Long.toString(plan.revision()));
        args.add(rewriteEqual ? "1" : "0");
        args.add(Long.toString(plan.directoryTtlSeconds()));
        args.add(TenantDirectory.CHANNEL);
        args.add(Integer.toString(plan.routeKeys().size()));
        args.add(Integer.toString(shared.size()));
        args.add(Integer.toString(plan.directory().size()));
        args.add(Integer.toString(extraKeysToDelete.size()));
        args.add(replacesRevision);
        addPairs(args, plan.routeKeys());
        addPairs(args, shared);
        addPairs(args, plan.directory());
        args.addAll(extraKeysToDelete);
        return args.toArray(String[]::new);
    }

    /**
     * Deletes a tenant's routes unless it was published at or after {@code notAfterMillis}; returns the
     * number of keys removed, or -1 when the tenant was left alone.
     */
    public long removeOrphan(String tenant, long notAfterMillis, Collection<String> routeKeys) {
        List<String> args = new ArrayList<>();
        args.add(tenant);
        args.add(Long.toString(notAfterMillis));
        args.addAll(routeKeys);
        return REMOVE_ORPHAN.run(redis, ScriptOutputType.INTEGER,
                new String[]{keys.index(), keys.ownedKeys(tenant)}, args.toArray(String[]::new));
    }

    /** Writes the shared service and catch-all router, deleting the given stale shared keys. */
    public void replaceShared(Collection<String> staleKeys) {
        Map<String, String> shared = planner.sharedKeys();
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(shared.size()));
        addPairs(args, shared);
        args.addAll(staleKeys);
        REPLACE.run(redis, ScriptOutputType.INTEGER, new String[0], args.toArray(String[]::new));
    }

    /**
     * One tenant the reconciler rewrites, with keys found under its prefixes that must go.
     *
     * @param replacesRevision a stored revision newer than the plan's that may be overwritten (one the registry never
     *                         had), exactly as stored, or {@link #NOTHING_TO_REPLACE}
     */
    public record Repair(RoutePlan plan, Collection<String> extraKeys, String replacesRevision) {

        public static final String NOTHING_TO_REPLACE = "";

        public Repair(RoutePlan plan, Collection<String> extraKeys) {
            this(plan, extraKeys, NOTHING_TO_REPLACE);
        }
    }

    private static void addPairs(List<String> args, Map<String, String> pairs) {
        pairs.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
    }
}
