package dev.gateway.routes.route;

import dev.gateway.events.TenantDirectory;
import dev.gateway.routes.redis.LuaScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The only writer of route and directory keys. Each call is one Lua script, so a tenant's routers,
 * middleware, index entry, directory hash and revision check change together or not at all.
 */
@Singleton
public class RouteWriter {

    private static final LuaScript APPLY = LuaScript.classpath("apply_tenant.lua");
    private static final LuaScript REMOVE_ORPHAN = LuaScript.classpath("remove_orphan.lua");
    private static final LuaScript REPLACE = LuaScript.classpath("replace_keys.lua");

    private final RedisCommands<String, String> redis;
    private final TraefikKeys keys;
    private final RoutePlanner planner;

    public RouteWriter(StatefulRedisConnection<String, String> connection, TraefikKeys keys, RoutePlanner planner) {
        this.redis = connection.sync();
        this.keys = keys;
        this.planner = planner;
    }

    /**
     * Applies a plan unless Redis holds a newer revision; an equal revision is rewritten only when
     * {@code rewriteEqual} (the reconciler repairing drift), events treat it as a duplicate.
     */
    public WriteOutcome apply(RoutePlan plan, boolean rewriteEqual, Collection<String> extraKeysToDelete) {
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
        addPairs(args, plan.routeKeys());
        addPairs(args, shared);
        addPairs(args, plan.directory());
        args.addAll(extraKeysToDelete);
        List<Long> result = APPLY.run(redis, ScriptOutputType.MULTI,
                new String[]{TenantDirectory.key(plan.tenant()), keys.index(), keys.ownedKeys(plan.tenant())},
                args.toArray(String[]::new));
        return new WriteOutcome(WriteOutcome.Kind.of(result.get(0)), result.get(1));
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

    private static void addPairs(List<String> args, Map<String, String> pairs) {
        pairs.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
    }
}
