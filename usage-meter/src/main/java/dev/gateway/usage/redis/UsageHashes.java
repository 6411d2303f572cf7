package dev.gateway.usage.redis;

import dev.gateway.runtime.database.PlatformDb;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code usage:<tenant>} hashes the app-gateway reads: this month's requests and rate-limited requests, the
 * latest storage. Rewritten after each usage batch for the tenants it touched, and every refresh period for
 * every tenant with usage this month (which also moves them to a new month). A Redis outage costs freshness
 * only: the rollups are committed, the next refresh writes them.
 */
@Singleton
public class UsageHashes {

    private static final Logger LOG = LoggerFactory.getLogger(UsageHashes.class);
    private static final String MONTH = """
            SELECT k.tenant, coalesce(sum(d.requests), 0), coalesce(sum(d.rate_limited), 0), s.bytes
            FROM unnest(?::text[]) AS k(tenant)
            LEFT JOIN usage.daily d ON d.tenant = k.tenant AND d.day >= ? AND d.day < ?
            LEFT JOIN usage.storage_latest s ON s.tenant = k.tenant
            GROUP BY k.tenant, s.bytes""";

    private final PlatformDb db;
    private final StatefulRedisConnection<String, String> redis;
    private final Clock clock;

    public UsageHashes(PlatformDb db, StatefulRedisConnection<String, String> redis) {
        this.db = db;
        this.redis = redis;
        this.clock = Clock.systemUTC();
    }

    public void refresh(Collection<String> tenants) {
        if (tenants.isEmpty()) {
            return;
        }
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        try {
            List<Map<String, String>> hashes = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            db.inTransaction(connection -> read(connection, tenants, month, keys, hashes));
            List<RedisFuture<Long>> replies = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                replies.add(redis.async().hset(keys.get(i), hashes.get(i)));
            }
            for (RedisFuture<Long> reply : replies) {
                reply.get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("usage hashes of {} tenants not refreshed, the next refresh retries: {}", tenants.size(), e.toString());
        }
    }

    @Scheduled(fixedDelay = "${gateway.usage.redis-refresh:60s}", initialDelay = "10s")
    void refreshThisMonth() {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        try {
            List<String> tenants = db.inTransaction(connection -> {
                List<String> found = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT DISTINCT tenant FROM usage.daily WHERE day >= ?
                        UNION SELECT tenant FROM usage.storage_latest""")) {
                    select.setObject(1, month.atDay(1));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getString(1));
                        }
                    }
                }
                return found;
            });
            for (int from = 0; from < tenants.size(); from += 500) {
                refresh(tenants.subList(from, Math.min(tenants.size(), from + 500)));
            }
        } catch (RuntimeException e) {
            LOG.warn("usage hashes not refreshed: {}", e.toString());
        }
    }

    private Void read(Connection connection, Collection<String> tenants, YearMonth month, List<String> keys,
                      List<Map<String, String>> hashes) throws SQLException {
        String now = Instant.now(clock).toString();
        try (PreparedStatement select = connection.prepareStatement(MONTH)) {
            select.setArray(1, connection.createArrayOf("text", tenants.toArray()));
            select.setObject(2, month.atDay(1));
            select.setObject(3, month.plusMonths(1).atDay(1));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long storage = rows.getLong(4);
                    keys.add("usage:" + rows.getString(1));
                    hashes.add(Map.of("period", month.toString(), "requests", Long.toString(rows.getLong(2)),
                            "rate_limited", Long.toString(rows.getLong(3)), "storage_bytes", Long.toString(storage),
                            "updated_at", now));
                }
            }
        }
        return null;
    }
}
