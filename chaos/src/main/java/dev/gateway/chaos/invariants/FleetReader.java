package dev.gateway.chaos.invariants;

import dev.gateway.chaos.invariants.FleetState.OutboxEntry;
import dev.gateway.chaos.invariants.FleetState.RegistryTenant;
import dev.gateway.chaos.invariants.FleetState.RepeatedEffect;
import dev.gateway.chaos.invariants.FleetState.Transition;
import dev.gateway.chaos.stores.Resp;
import dev.gateway.chaos.stores.Sql;
import dev.gateway.chaos.stores.Stores;
import dev.gateway.events.Stream;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a {@link FleetState} for the tenants whose key starts with {@code <prefix>-}: the registry and
 * provisioner tables, the tenant pool's catalogs, Redis, and the dead letters published since {@code
 * deadLetterMark} (the DEADLETTER sequence when the scenario began).
 */
public final class FleetReader {

    /** Events the registry re-emits on purpose (same revision, new id) while a request goes unanswered. */
    private static final List<String> REQUEST_SUBJECTS = List.of("tenant.created", "tenant.retried", "tenant.deleting");

    private final Stores stores;
    private final String keyPattern;
    private final String objectPrefix;
    private final long deadLetterMark;

    public FleetReader(Stores stores, String prefix, long deadLetterMark) {
        this.stores = stores;
        this.keyPattern = prefix + "-%";
        this.objectPrefix = "tenant_" + prefix + "_";
        this.deadLetterMark = deadLetterMark;
    }

    /** {@code deep} also opens every live tenant's schema to list its tables (slower; for the final check). */
    public FleetState read(boolean deep) {
        try (Sql platform = stores.platformDb(); Sql pool = stores.poolDb("postgres"); Resp redis = stores.redisClient()) {
            List<RegistryTenant> tenants = tenants(platform);
            Set<String> sharedSchemas = sharedSchemas();
            return new FleetState(tenants, history(platform), repeatedEffects(platform),
                    names(pool, "SELECT datname FROM pg_database WHERE starts_with(datname, ?)"), sharedSchemas,
                    names(pool, "SELECT rolname FROM pg_roles WHERE starts_with(rolname, ?)"),
                    deep ? new TenantObjectReader(stores).read(tenants) : Map.of(),
                    directory(redis), routeKeys(redis), sharedRouteKeys(redis), unpublished(platform),
                    stores.jetStream().messagesAfter(Stream.DEADLETTER.name(), deadLetterMark),
                    new HashSet<>(stores.jetStream().streamNames()));
        }
    }

    private List<RegistryTenant> tenants(Sql sql) {
        return sql.query("SELECT key, status, isolation, revision, db_name, schema_name, role_name, admin_email"
                + " FROM registry.tenant WHERE key LIKE ?", r -> new RegistryTenant(r.getString(1), r.getString(2),
                r.getString(3), r.getLong(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8)), keyPattern);
    }

    private List<Transition> history(Sql sql) {
        return sql.query("SELECT t.key, e.revision, e.from_status, e.to_status FROM registry.tenant_event e"
                + " JOIN registry.tenant t ON t.id = e.tenant_id WHERE t.key LIKE ?", r -> new Transition(r.getString(1),
                r.getLong(2), r.getString(3), r.getString(4)), keyPattern);
    }

    private List<RepeatedEffect> repeatedEffects(Sql sql) {
        List<RepeatedEffect> effects = sql.query("SELECT tenant, event_type, revision, count(*)"
                + " FROM registry.processed_event WHERE tenant LIKE ? AND outcome = 'applied'"
                + " GROUP BY 1, 2, 3 HAVING count(*) > 1", r -> new RepeatedEffect(r.getString(1),
                "registry applied " + r.getString(2), r.getLong(3), r.getLong(4)), keyPattern);
        List<RepeatedEffect> emitted = sql.query("SELECT tenant, subject, revision, count(*) FROM registry.outbox"
                + " WHERE tenant LIKE ? AND NOT (subject = ANY (?)) GROUP BY 1, 2, 3 HAVING count(*) > 1",
                r -> new RepeatedEffect(r.getString(1), "registry emitted " + r.getString(2), r.getLong(3), r.getLong(4)),
                keyPattern, REQUEST_SUBJECTS.toArray(String[]::new));
        return concat(effects, emitted);
    }

    private List<OutboxEntry> unpublished(Sql sql) {
        String columns = "tenant, subject, revision, attempts, last_error FROM %s.outbox"
                + " WHERE published_at IS NULL AND tenant LIKE ? ORDER BY seq";
        return concat(
                sql.query("SELECT 'registry', " + columns.formatted("registry"), this::outboxEntry, keyPattern),
                sql.query("SELECT 'provisioner', " + columns.formatted("provisioner"), this::outboxEntry, keyPattern));
    }

    private OutboxEntry outboxEntry(ResultSet r) throws SQLException {
        return new OutboxEntry(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getInt(5), r.getString(6));
    }

    private Set<String> names(Sql sql, String query) {
        return new HashSet<>(sql.strings(query, objectPrefix));
    }

    private Set<String> sharedSchemas() {
        try (Sql shared = stores.poolDb(Stores.SHARED_TENANT_DATABASE)) {
            return names(shared, "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, ?)");
        } catch (IllegalStateException noSharedDatabaseYet) {
            return Set.of();
        }
    }

    private Map<String, Map<String, String>> directory(Resp redis) {
        Map<String, Map<String, String>> entries = new TreeMap<>();
        for (String key : redis.scan("tenant:" + keyPattern.replace('%', '*'))) {
            entries.put(key.substring("tenant:".length()), redis.hgetall(key));
        }
        return entries;
    }

    private Map<String, String> routeKeys(Resp redis) {
        Map<String, String> keys = new TreeMap<>();
        String tenantGlob = keyPattern.replace('%', '*');
        for (String pattern : List.of(RedisChecks.ROOT + "routers/tenant-" + tenantGlob,
                RedisChecks.ROOT + "middlewares/tenant-" + tenantGlob)) {
            for (String key : redis.scan(pattern)) {
                keys.put(key, redis.get(key));
            }
        }
        return keys;
    }

    private Map<String, String> sharedRouteKeys(Resp redis) {
        Map<String, String> keys = new TreeMap<>();
        for (String key : List.of(RedisChecks.CATCH_ALL_RULE, RedisChecks.UPSTREAM)) {
            keys.put(key, redis.get(key));
        }
        return keys;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
