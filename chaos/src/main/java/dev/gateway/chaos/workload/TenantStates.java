package dev.gateway.chaos.workload;

import dev.gateway.chaos.stores.Sql;
import dev.gateway.chaos.stores.Stores;
import dev.gateway.chaos.wait.Deadline;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Tenant states read straight from the registry's table (no load on the API under test). */
public final class TenantStates {

    private final Stores stores;

    public TenantStates(Stores stores) {
        this.stores = stores;
    }

    /** Status of every tenant whose key starts with {@code prefix}; empty while PostgreSQL is down. */
    public Map<String, String> byKey(String prefix) {
        Map<String, String> states = new TreeMap<>();
        try (Sql sql = stores.platformDb()) {
            sql.query("SELECT key, status FROM registry.tenant WHERE key LIKE ?",
                    row -> states.put(row.getString(1), row.getString(2)), prefix + "%");
        } catch (IllegalStateException e) {
            return Map.of();
        }
        return states;
    }

    public String status(String key) {
        try (Sql sql = stores.platformDb()) {
            List<String> status = sql.strings("SELECT status FROM registry.tenant WHERE key = ?", key);
            return status.isEmpty() ? Expectations.ABSENT : status.get(0);
        } catch (IllegalStateException e) {
            return "unknown";
        }
    }

    public boolean await(String key, Set<String> statuses, Deadline deadline) {
        return deadline.await(() -> statuses.contains(status(key)), Duration.ofMillis(200));
    }

    /** Create→ready time of every tenant with the prefix that became ready, from the registry's own timestamps. */
    public List<Long> readyMillis(String prefix) {
        try (Sql sql = stores.platformDb()) {
            return sql.query("SELECT (extract(epoch FROM ready_at - created_at) * 1000)::bigint FROM registry.tenant"
                    + " WHERE key LIKE ? AND ready_at IS NOT NULL", row -> row.getLong(1), prefix + "%");
        }
    }

    /**
     * The {@code n} slowest tenants to become ready, each with its lifecycle as seconds after creation and how
     * often its request was sent (more than once means the registry's safety net re-emitted it):
     * {@code kl-d-0042 36.8 s: provisioning +35.2 s, ready +36.8 s; tenant.created sent 2×}.
     */
    public List<String> slowestTimelines(String prefix, int n) {
        try (Sql sql = stores.platformDb()) {
            return sql.query("SELECT t.key, extract(epoch FROM t.ready_at - t.created_at),"
                    + " (SELECT string_agg(e.to_status || ' +' || round(extract(epoch FROM e.occurred_at - t.created_at)::numeric, 1)"
                    + " || ' s', ', ' ORDER BY e.id) FROM registry.tenant_event e WHERE e.tenant_id = t.id AND e.from_status IS NOT NULL),"
                    + " (SELECT count(*) FROM registry.outbox o WHERE o.tenant = t.key AND o.subject = 'tenant.created')"
                    + " FROM registry.tenant t WHERE t.key LIKE ? AND t.ready_at IS NOT NULL"
                    + " ORDER BY t.ready_at - t.created_at DESC LIMIT ?",
                    row -> String.format(Locale.ROOT, "%s %.1f s: %s; tenant.created sent %d×", row.getString(1),
                            row.getDouble(2), row.getString(3), row.getLong(4)), prefix + "%", n);
        }
    }

    /** Keys with the prefix that are still pending or provisioning, with how long ago they were created. */
    public Map<String, Long> unfinishedAgeMillis(String prefix) {
        Map<String, Long> ages = new TreeMap<>();
        try (Sql sql = stores.platformDb()) {
            sql.query("SELECT key, (extract(epoch FROM now() - created_at) * 1000)::bigint FROM registry.tenant"
                    + " WHERE key LIKE ? AND status IN ('pending', 'provisioning')",
                    row -> ages.put(row.getString(1), row.getLong(2)), prefix + "%");
        }
        return ages;
    }
}
